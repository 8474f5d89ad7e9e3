package dev.idaas.connector.api;

import java.util.Locale;
import java.util.Objects;

/**
 * A short text in the two languages every descriptor provides: English and Simplified Chinese.
 *
 * @param en the English text; never blank
 * @param zhCn the Simplified Chinese ({@code zh-CN}) text; never blank
 */
public record LocalizedText(String en, String zhCn) {

  public LocalizedText {
    requireText(en, "en");
    requireText(zhCn, "zh-CN");
  }

  /** Shorthand for {@code new LocalizedText(en, zhCn)}. */
  public static LocalizedText of(String en, String zhCn) {
    return new LocalizedText(en, zhCn);
  }

  /** The text for a locale: Chinese for any {@code zh} locale, English otherwise. */
  public String in(Locale locale) {
    return "zh".equals(locale.getLanguage()) ? zhCn : en;
  }

  private static void requireText(String text, String language) {
    Objects.requireNonNull(text, () -> "the " + language + " text is missing");
    if (text.isBlank()) {
      throw new IllegalArgumentException("the " + language + " text is blank");
    }
  }
}
