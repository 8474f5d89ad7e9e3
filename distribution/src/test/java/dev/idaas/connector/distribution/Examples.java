package dev.idaas.connector.distribution;

import java.nio.file.Files;
import java.nio.file.Path;

/** The example snapshots in the repository's {@code examples} folder, found from any module. */
final class Examples {

  private Examples() {}

  static Path path(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("examples").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("examples/" + name + " not found above the working folder");
  }
}
