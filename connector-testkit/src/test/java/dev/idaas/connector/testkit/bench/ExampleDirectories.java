package dev.idaas.connector.testkit.bench;

import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.SnapshotReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the repository's example snapshots, whichever module folder the tests run in. */
final class ExampleDirectories {

  private ExampleDirectories() {}

  static Path path(String name) {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      Path candidate = folder.resolve("examples").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("examples/" + name + " is not above the working folder");
  }

  static DirectorySnapshot load(String name) {
    try {
      return new SnapshotReader().read(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
