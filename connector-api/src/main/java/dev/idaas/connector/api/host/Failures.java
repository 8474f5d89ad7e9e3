package dev.idaas.connector.api.host;

import dev.idaas.connector.api.ConnectorProvider;
import java.util.ServiceConfigurationError;

/** Turns what a plug-in threw into words an operator can act on. */
final class Failures {

  private Failures() {}

  /** "provider X failed in method() with ..." */
  static String failedIn(ConnectorProvider provider, String method, Throwable failure) {
    return "provider "
        + provider.getClass().getName()
        + " failed in "
        + method
        + "() with "
        + describe(failure);
  }

  /** Why {@link java.util.ServiceLoader} could not give a provider. */
  static String cannotCreate(Throwable failure) {
    if (failure instanceof ServiceConfigurationError) {
      Throwable cause = failure.getCause();
      return "cannot create a connector provider: "
          + failure.getMessage()
          + (cause == null ? "" : ", failing with " + describe(cause));
    }
    return "cannot create a connector provider: it failed with " + describe(failure);
  }

  /** The failure's type, then what it most likely means. */
  static String describe(Throwable failure) {
    if (failure instanceof NoClassDefFoundError) {
      return failure.getClass().getName()
          + " for "
          + String.valueOf(failure.getMessage()).replace('/', '.')
          + "; a plug-in jar must bundle every library it uses except connector-api";
    }
    if (failure instanceof LinkageError) {
      return failure.getClass().getName()
          + ", so it was probably built against another version of connector-api";
    }
    return failure.toString();
  }
}
