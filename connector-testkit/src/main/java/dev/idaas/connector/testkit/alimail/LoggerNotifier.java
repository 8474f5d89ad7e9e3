package dev.idaas.connector.testkit.alimail;

import com.github.tomakehurst.wiremock.common.Notifier;
import java.lang.System.Logger.Level;

/** Sends WireMock's own messages to {@link System.Logger}, so the simulator never prints. */
final class LoggerNotifier implements Notifier {

  private static final System.Logger LOG = System.getLogger("com.github.tomakehurst.wiremock");

  @Override
  public void info(String message) {
    LOG.log(Level.DEBUG, message);
  }

  @Override
  public void error(String message) {
    LOG.log(Level.WARNING, message);
  }

  @Override
  public void error(String message, Throwable cause) {
    LOG.log(Level.WARNING, message, cause);
  }
}
