package dev.idaas.connector.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idaas.connector.api.OrgUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the org units of the directory snapshots kept in the repository's {@code examples}. */
final class ExampleDirectories {

  private ExampleDirectories() {}

  /** The org units of one snapshot, in file order. */
  static List<OrgUnit> orgUnits(String fileName) throws IOException {
    JsonNode snapshot = new ObjectMapper().readTree(examplesFolder().resolve(fileName).toFile());
    List<OrgUnit> units = new ArrayList<>();
    for (JsonNode unit : snapshot.get("orgUnits")) {
      JsonNode parent = unit.get("parentId");
      units.add(
          OrgUnit.of(
              unit.get("id").asText(),
              parent == null || parent.isNull() ? null : parent.asText(),
              unit.get("name").asText(),
              unit.get("order").asInt()));
    }
    return units;
  }

  /** Maven runs tests in the module folder; an IDE may run them at the repository root. */
  private static Path examplesFolder() {
    Path here = Path.of("").toAbsolutePath();
    for (Path folder = here; folder != null; folder = folder.getParent()) {
      if (Files.isDirectory(folder.resolve("examples"))) {
        return folder.resolve("examples");
      }
    }
    throw new IllegalStateException("no examples folder above " + here);
  }
}
