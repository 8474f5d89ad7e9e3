package dev.idaas.connector.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/writing-a-connector.md} true: each listing marked as a file or an excerpt of
 * the directory mirror is that file, or a part of it, with the guide's package name.
 */
class WritingAConnectorGuideTest {

  private static final Pattern MARKED_LISTING =
      Pattern.compile("<!-- (file|excerpt): (\\S+) -->\n```java\n(.*?)\n```", Pattern.DOTALL);

  private final Path root = repositoryRoot();

  @Test
  void everyMarkedListingIsTheExampleAsItIs() throws IOException {
    Matcher listing = MARKED_LISTING.matcher(guide());
    int files = 0;
    int excerpts = 0;

    while (listing.find()) {
      String source =
          Files.readString(root.resolve(listing.group(2)))
              .replace("dev.idaas.connector.testkit.contract.mirror", "com.example.mirror");
      if (listing.group(1).equals("file")) {
        assertThat(listing.group(3) + "\n").as(listing.group(2)).isEqualTo(source);
        files++;
      } else {
        assertThat(source).as(listing.group(2)).contains(listing.group(3));
        excerpts++;
      }
    }

    assertThat(files).isEqualTo(3);
    assertThat(excerpts).isEqualTo(9);
  }

  @Test
  void theGuideCountsTheTestsTheSuiteHas() throws IOException {
    long tests =
        Arrays.stream(ConnectorContractSuite.class.getDeclaredMethods())
            .filter(method -> method.isAnnotationPresent(Test.class))
            .count();

    assertThat(guide()).contains("`Tests run: " + tests + ", Failures: 0, Errors: 0, Skipped: 0`");
  }

  @Test
  void theGuideListsEveryTestOfTheSuite() throws IOException {
    String guide = guide();
    List<String> missing =
        Arrays.stream(ConnectorContractSuite.class.getDeclaredMethods())
            .filter(method -> method.isAnnotationPresent(Test.class))
            .map(method -> "`" + method.getName() + "`")
            .filter(name -> !guide.contains(name))
            .toList();

    assertThat(missing).isEmpty();
  }

  private String guide() throws IOException {
    return Files.readString(root.resolve("docs/writing-a-connector.md"));
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docs/writing-a-connector.md"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "docs/writing-a-connector.md not found above the working folder");
  }
}
