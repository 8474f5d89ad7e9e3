package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ParameterSpec;
import dev.idaas.connector.api.ParameterType;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Which application instance a state folder belongs to: the application id, the provider, and the
 * target its links point into. The target is told by the non-secret parameters that say where the
 * objects live: by default those of type URL and mail domain (for AliMail, {@code endpoint} and
 * {@code accessTarget}); a host may name others. A fingerprint of every non-secret parameter is
 * kept as well, to log when the configuration changed. No secret is ever part of either.
 *
 * @param applicationId the host's name for the instance
 * @param providerId the provider's id
 * @param targetDescription the target parameters as {@code key=value, …}, for messages
 * @param targetFingerprint a hash of the provider and the target parameters
 * @param parametersFingerprint a hash of every non-secret parameter
 */
record ApplicationIdentity(
    String applicationId,
    String providerId,
    String targetDescription,
    String targetFingerprint,
    String parametersFingerprint) {

  private static final System.Logger LOG = System.getLogger(ApplicationIdentity.class.getName());

  /**
   * The identity of an application configured with {@code config}.
   *
   * @param targetKeys the parameters that identify the target; empty for the URL and mail-domain
   *     parameters
   * @throws IllegalArgumentException if a target key is unknown or names a secret
   */
  static ApplicationIdentity of(
      String applicationId, ConnectorConfig config, Set<String> targetKeys) {
    ConnectorDescriptor descriptor = config.descriptor();
    for (String key : targetKeys) {
      ParameterSpec spec =
          descriptor
              .parameter(key)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          descriptor.id()
                              + " has no parameter '"
                              + key
                              + "' to identify a target"));
      if (spec.secret()) {
        throw new IllegalArgumentException(
            "'" + key + "' is a secret; a secret never identifies a target in the state folder");
      }
    }

    List<String> target = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (ParameterSpec spec : descriptor.parameters()) {
      if (spec.secret()) {
        continue;
      }
      String line = spec.key() + "=" + valueOf(config, spec);
      all.add(line);
      if (targetKeys.isEmpty() ? identifiesTarget(spec) : targetKeys.contains(spec.key())) {
        target.add(line);
      }
    }
    String description = target.isEmpty() ? "(no target parameters)" : String.join(", ", target);
    return new ApplicationIdentity(
        applicationId,
        descriptor.id(),
        description,
        sha256(descriptor.id() + "\n" + String.join("\n", target)),
        sha256(descriptor.id() + "\n" + String.join("\n", all)));
  }

  /**
   * Records this identity in a new state folder, or checks it against the one recorded.
   *
   * @throws StateFolderException if the folder belongs to another application or target
   */
  void claim(StateDatabase database, Instant now) {
    ApplicationIdentity recorded = recorded(database);
    if (recorded == null) {
      database.update(
          "INSERT INTO application (singleton, application_id, provider_id, target_fingerprint,"
              + " target_description, parameters_fingerprint, created)"
              + " VALUES (1, ?, ?, ?, ?, ?, ?)",
          applicationId,
          providerId,
          targetFingerprint,
          targetDescription,
          parametersFingerprint,
          now.toString());
      return;
    }
    refuseIfOther(recorded, database);
    if (!recorded.parametersFingerprint.equals(parametersFingerprint)) {
      LOG.log(
          Level.INFO,
          "The parameters of application {0} changed since its state folder was last used;"
              + " the target is the same.",
          applicationId);
      database.update("UPDATE application SET parameters_fingerprint = ?", parametersFingerprint);
    }
  }

  private void refuseIfOther(ApplicationIdentity recorded, StateDatabase database) {
    String folder = database.folder().toString();
    if (!recorded.providerId.equals(providerId)) {
      throw new StateFolderException(
          database.folder(),
          "The state folder "
              + folder
              + " belongs to application '"
              + recorded.applicationId
              + "' of provider "
              + recorded.providerId
              + ", not to provider "
              + providerId
              + ". Its links point to objects of that other application. Choose another (or an"
              + " empty) state folder for this application.");
    }
    if (!recorded.targetFingerprint.equals(targetFingerprint)) {
      throw new StateFolderException(
          database.folder(),
          "The state folder "
              + folder
              + " belongs to application '"
              + recorded.applicationId
              + "' with target "
              + recorded.targetDescription
              + ", but these parameters give "
              + targetDescription
              + ". Its links point to objects in that other target, so using them here would"
              + " update or revoke the wrong objects. Choose another (or an empty) state folder"
              + " for this target, or correct the parameters.");
    }
    if (!recorded.applicationId.equals(applicationId)) {
      throw new StateFolderException(
          database.folder(),
          "The state folder "
              + folder
              + " belongs to application '"
              + recorded.applicationId
              + "', not to '"
              + applicationId
              + "'. Open it with application id '"
              + recorded.applicationId
              + "', or choose another state folder.");
    }
  }

  private static ApplicationIdentity recorded(StateDatabase database) {
    return database.sql(
        c -> {
          try (PreparedStatement query =
                  c.prepareStatement(
                      "SELECT application_id, provider_id, target_description,"
                          + " target_fingerprint, parameters_fingerprint FROM application");
              ResultSet row = query.executeQuery()) {
            if (!row.next()) {
              return null;
            }
            return new ApplicationIdentity(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5));
          }
        });
  }

  private static boolean identifiesTarget(ParameterSpec spec) {
    return spec.type() == ParameterType.URL || spec.type() == ParameterType.MAIL_DOMAIN;
  }

  private static String valueOf(ConnectorConfig config, ParameterSpec spec) {
    if (!config.has(spec.key())) {
      return "(not set)";
    }
    String key = spec.key();
    return switch (spec.type()) {
      case INTEGER -> Long.toString(config.integer(key));
      case BOOLEAN -> Boolean.toString(config.bool(key));
      case URL -> config.url(key).toString();
      case DURATION -> config.duration(key).toString();
      case SECRET -> throw new IllegalArgumentException("a secret has no printable value");
      default -> config.text(key);
    };
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      // Defensive: every Java runtime has SHA-256.
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ", "ApplicationIdentity[", "]");
    return joiner.add(applicationId).add(providerId).add(targetDescription).toString();
  }
}
