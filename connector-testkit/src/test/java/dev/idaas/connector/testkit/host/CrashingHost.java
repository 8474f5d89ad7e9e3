package dev.idaas.connector.testkit.host;

import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link StateFolderTest}: starts Execute Add of the Oracle HR directory
 * and kills its own process, without any shutdown, once {@value #OBJECTS_BEFORE_CRASH} objects were
 * reported.
 */
public final class CrashingHost {

  static final int OBJECTS_BEFORE_CRASH = 60;
  static final int EXIT_CODE = 3;

  private CrashingHost() {}

  public static void main(String[] args) {
    ProgressListener crash =
        new ProgressListener() {
          @Override
          public void objectDone(Progress progress) {
            if (progress.done() == OBJECTS_BEFORE_CRASH) {
              Runtime.getRuntime().halt(EXIT_CODE);
            }
          }
        };
    HostSimulator host = new HostFixture(Path.of(args[0])).builder().progressListener(crash).open();
    host.executeAdd(HostFixture.hr());
  }
}
