package dev.idaas.connector.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a raw parameter map against a descriptor and collects every problem before reporting, so
 * an administrator fixes a form in one pass. Reached through {@link
 * ConnectorDescriptor#validate(Map)}.
 */
final class ConfigValidator {

  private static final Pattern MAIL_DOMAIN =
      Pattern.compile(
          "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

  private ConfigValidator() {}

  static ConnectorConfig validate(ConnectorDescriptor descriptor, Map<String, String> raw) {
    List<ParameterProblem> problems = new ArrayList<>();
    Map<String, Object> values = new LinkedHashMap<>();

    for (ParameterSpec spec : descriptor.parameters()) {
      String given = raw.get(spec.key());
      String value = given == null || given.isBlank() ? spec.defaultValue() : given.strip();
      if (value == null) {
        if (spec.required()) {
          problems.add(new ParameterProblem(spec.key(), "is required: " + hintFor(spec)));
        }
        continue;
      }
      Object converted = convert(spec, value, problems);
      if (converted != null) {
        values.put(spec.key(), converted);
      }
    }
    reportUnknownKeys(descriptor, raw.keySet(), problems);

    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(descriptor.id(), problems);
    }
    return new ConnectorConfig(descriptor, values);
  }

  private static Object convert(ParameterSpec spec, String value, List<ParameterProblem> problems) {
    int before = problems.size();
    Object converted =
        switch (spec.type()) {
          case TEXT -> text(spec, value, problems);
          case SECRET -> secret(spec, value, problems);
          case INTEGER -> integer(spec, value, problems);
          case BOOLEAN -> bool(spec, value, problems);
          case URL -> url(spec, value, problems);
          case MAIL_DOMAIN -> mailDomain(spec, value, problems);
          case ENUM -> choice(spec, value, problems);
          case DURATION -> duration(spec, value, problems);
        };
    return problems.size() == before ? converted : null;
  }

  private static String text(ParameterSpec spec, String value, List<ParameterProblem> problems) {
    checkLength(spec, value, problems);
    if (spec.pattern() != null && !value.matches(spec.pattern())) {
      problems.add(
          new ParameterProblem(spec.key(), "'" + value + "' has the wrong form: " + hintFor(spec)));
    }
    return value;
  }

  private static Secret secret(ParameterSpec spec, String value, List<ParameterProblem> problems) {
    checkLength(spec, value, problems);
    return Secret.of(value);
  }

  private static void checkLength(
      ParameterSpec spec, String value, List<ParameterProblem> problems) {
    if (spec.maxLength() != null && value.length() > spec.maxLength()) {
      problems.add(
          new ParameterProblem(
              spec.key(),
              "is "
                  + value.length()
                  + " characters long; at most "
                  + spec.maxLength()
                  + " are allowed"));
    }
  }

  private static Long integer(ParameterSpec spec, String value, List<ParameterProblem> problems) {
    long number;
    try {
      number = Long.parseLong(value);
    } catch (NumberFormatException e) {
      problems.add(new ParameterProblem(spec.key(), "'" + value + "' is not a whole number"));
      return null;
    }
    if (spec.minimum() != null && number < spec.minimum()
        || spec.maximum() != null && number > spec.maximum()) {
      problems.add(new ParameterProblem(spec.key(), number + " is out of range: " + rangeOf(spec)));
    }
    return number;
  }

  private static Boolean bool(ParameterSpec spec, String value, List<ParameterProblem> problems) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> {
        problems.add(new ParameterProblem(spec.key(), "'" + value + "' is not 'true' or 'false'"));
        yield null;
      }
    };
  }

  private static URI url(ParameterSpec spec, String value, List<ParameterProblem> problems) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        problems.add(
            new ParameterProblem(
                spec.key(),
                "'" + value + "' is not an absolute http or https URL, such as https://host/path"));
        return null;
      }
      return uri;
    } catch (URISyntaxException e) {
      problems.add(
          new ParameterProblem(spec.key(), "'" + value + "' is not a URL: " + e.getReason()));
      return null;
    }
  }

  private static String mailDomain(
      ParameterSpec spec, String value, List<ParameterProblem> problems) {
    String domain = value.toLowerCase(Locale.ROOT);
    if (domain.contains("@") || !MAIL_DOMAIN.matcher(domain).matches()) {
      problems.add(
          new ParameterProblem(
              spec.key(),
              "'"
                  + value
                  + "' is not a mail domain; give the part after '@', such as example.com"));
      return null;
    }
    return domain;
  }

  private static String choice(ParameterSpec spec, String value, List<ParameterProblem> problems) {
    for (String allowed : spec.allowedValues()) {
      if (allowed.equalsIgnoreCase(value)) {
        return allowed;
      }
    }
    problems.add(
        new ParameterProblem(
            spec.key(),
            "'" + value + "' is not one of " + String.join(", ", spec.allowedValues())));
    return null;
  }

  private static Duration duration(
      ParameterSpec spec, String value, List<ParameterProblem> problems) {
    Matcher shortForm = SHORT_DURATION.matcher(value.toLowerCase(Locale.ROOT));
    if (shortForm.matches()) {
      long amount = Long.parseLong(shortForm.group(1));
      return switch (shortForm.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    Duration parsed;
    try {
      parsed = Duration.parse(value.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      problems.add(
          new ParameterProblem(
              spec.key(), "'" + value + "' is not a duration; write 500ms, 10s, 2m or PT10S"));
      return null;
    }
    // The ISO form allows signs (PT-5S); no timeout or pause in a connector can be negative.
    if (parsed.isNegative()) {
      problems.add(
          new ParameterProblem(
              spec.key(), "'" + value + "' is negative; give a duration of zero or more"));
      return null;
    }
    return parsed;
  }

  private static void reportUnknownKeys(
      ConnectorDescriptor descriptor, Set<String> given, List<ParameterProblem> problems) {
    Set<String> known = new TreeSet<>();
    descriptor.parameters().forEach(spec -> known.add(spec.key()));
    for (String key : new TreeSet<>(given)) {
      if (!known.contains(key)) {
        problems.add(
            new ParameterProblem(
                key,
                "is not a parameter of "
                    + descriptor.id()
                    + "; check the spelling (known: "
                    + String.join(", ", known)
                    + ")"));
      }
    }
  }

  private static String hintFor(ParameterSpec spec) {
    return spec.description().en();
  }

  private static String rangeOf(ParameterSpec spec) {
    if (spec.minimum() != null && spec.maximum() != null) {
      return "give a number from " + spec.minimum() + " to " + spec.maximum();
    }
    return spec.minimum() != null
        ? "give a number of at least " + spec.minimum()
        : "give a number of at most " + spec.maximum();
  }
}
