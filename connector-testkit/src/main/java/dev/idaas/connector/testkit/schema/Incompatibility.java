package dev.idaas.connector.testkit.schema;

import java.util.Objects;

/**
 * One change between two versions of a connector's parameter schema that would break a stored
 * configuration: a configuration the older version accepted that the newer one may refuse, or store
 * differently.
 *
 * @param key the parameter's key
 * @param kind what kind of change it is
 * @param message what changed and what it does to stored configurations, for a person
 */
public record Incompatibility(String key, Kind kind, String message) {

  /** The kinds of breaking change. */
  public enum Kind {
    /** The parameter is gone, or renamed: a configuration that sets it is refused. */
    REMOVED,
    /**
     * A new parameter is required and has no default, or an existing one became so: a configuration
     * that lacks it is refused.
     */
    REQUIRED,
    /**
     * A constraint got narrower: a higher minimum, a lower maximum or maximum length, an allowed
     * value withdrawn, or a pattern changed. A stored value may no longer pass.
     */
    NARROWED,
    /** The value's type changed, so a stored value may no longer read as one. */
    TYPE_CHANGED,
    /**
     * The parameter became a secret or stopped being one: hosts keep secrets apart from other
     * values, so the stored value is in the wrong place.
     */
    SECRET_CHANGED
  }

  public Incompatibility {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** {@code key (KIND): message}, for a listing. */
  @Override
  public String toString() {
    return key + " (" + kind + "): " + message;
  }
}
