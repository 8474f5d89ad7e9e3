package dev.idaas.connector.api.support;

import dev.idaas.connector.api.Secret;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scrubs secrets from text before it goes into a log line, an event or an exception: every known
 * secret value, and the value of any field whose name says it is secret ({@code password}, {@code
 * passwd}, {@code token}, {@code secret}, {@code authorization}…), in JSON, form or header style.
 * Long text is cut, so a hostile target cannot flood the event log.
 *
 * <p>A connector keeps one redactor, adds each secret it learns (the access password, each token,
 * each initial password) and passes through it any text the target sent back.
 */
public final class Redactor {

  /** What replaces a secret. */
  public static final String MASK = "******";

  private static final int MAX_LENGTH = 500;

  private static final Pattern SENSITIVE_FIELD =
      Pattern.compile(
          "(?i)(\"?[a-z_]*(?:passw(?:or)?d|passwd|token|secret|authorization|credential)[a-z_]*\"?"
              + "\\s*[:=]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|"
              + "(?:bearer|basic|digest|negotiate)\\s+[^\\s,;&}]+|[^\\s,;&}\"]+)");

  private static final Pattern SENSITIVE_NAME =
      Pattern.compile("(?i).*(?:passw(?:or)?d|passwd|pwd|token|secret|authorization|credential).*");

  /**
   * Control characters, C1 included (a terminal reads U+009B as an escape), and the bidirectional
   * overrides that can make a log line read differently from what it holds.
   */
  private static final Pattern UNPRINTABLE =
      Pattern.compile("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]");

  private final List<String> secrets = new CopyOnWriteArrayList<>();

  /** A redactor knowing the given secrets. */
  public static Redactor of(Secret... secrets) {
    Redactor redactor = new Redactor();
    for (Secret secret : secrets) {
      redactor.add(secret);
    }
    return redactor;
  }

  /** Learns one more secret value to scrub; empty values are ignored. */
  public void add(Secret secret) {
    Objects.requireNonNull(secret, "secret");
    if (!secret.isEmpty() && !secrets.contains(secret.reveal())) {
      secrets.add(secret.reveal());
    }
  }

  /**
   * Returns {@code text} with secrets masked, control characters and bidirectional overrides
   * replaced by spaces, and cut to {@value #MAX_LENGTH} characters followed by {@code "… (N
   * characters)"}, N being the length before the cut.
   *
   * @param text may be null, which gives null
   */
  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    String scrubbed = maskKnownValues(text);
    scrubbed = maskSensitiveFields(scrubbed);
    scrubbed = UNPRINTABLE.matcher(scrubbed).replaceAll(" ");
    return scrubbed.length() <= MAX_LENGTH ? scrubbed : cut(scrubbed);
  }

  private static String cut(String text) {
    // Never split a character made of two UTF-16 units (an emoji, a rare Chinese character).
    int end = Character.isHighSurrogate(text.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
    return text.substring(0, end) + "… (" + text.length() + " characters)";
  }

  /**
   * Whether a field or attribute name says its value is a secret: it contains {@code password},
   * {@code passwd}, {@code pwd}, {@code token}, {@code secret}, {@code authorization} or {@code
   * credential}, in any case ({@code initialPassword}, {@code api_token}). A host uses it to keep
   * such directory attributes out of what it stores and shows.
   *
   * @param name may be null, which is not sensitive
   */
  public static boolean isSensitiveName(String name) {
    return name != null && SENSITIVE_NAME.matcher(name).matches();
  }

  /**
   * Masks the local part of an e-mail address for logs, keeping its first character and the domain:
   * {@code li.na@example.com} becomes {@code l***@example.com}.
   */
  public static String maskEmail(String email) {
    if (email == null) {
      return null;
    }
    int at = email.indexOf('@');
    if (at <= 0) {
      return "***";
    }
    return email.charAt(0) + "***" + email.substring(at).toLowerCase(Locale.ROOT);
  }

  private String maskKnownValues(String text) {
    // Longest first, so a secret that contains another is masked whole.
    List<String> longestFirst = new ArrayList<>(secrets);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    String masked = text;
    for (String secret : longestFirst) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }

  private static String maskSensitiveFields(String text) {
    Matcher matcher = SENSITIVE_FIELD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = matcher.group(2);
      String replacement = value.startsWith("\"") ? "\"" + MASK + "\"" : MASK;
      matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
