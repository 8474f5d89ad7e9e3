package dev.idaas.connector.testkit.host;

import java.io.IOException;
import java.io.UncheckedIOException;
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

  static DirectorySnapshot load(String name) {
    try {
      return new SnapshotReader().read(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    try {
      return Files.readString(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
