package org.egovsuite.standardize;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Unicode folding for names, with the JDK's {@link Normalizer}: NFKC turns full-width letters,
 * digits and punctuation into their ASCII forms (Ｉｒａｑ → Iraq, （ → (, ， → ,) and the ideographic
 * space into a space; invisible characters that NFKC keeps (zero-width spaces, BOMs, soft hyphens)
 * are removed.
 */
public final class TextFolding {
  private static final Pattern INVISIBLE =
      Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");

  private TextFolding() {}

  public static String nfkc(String value) {
    if (value == null) {
      return null;
    }
    if (ascii(value)
        || Normalizer.isNormalized(value, Normalizer.Form.NFKC)
            && !INVISIBLE.matcher(value).find()) {
      return value;
    }
    return INVISIBLE.matcher(Normalizer.normalize(value, Normalizer.Form.NFKC)).replaceAll("");
  }

  private static boolean ascii(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** NFKC, invisibles removed, runs of white space collapsed to one space, trimmed. */
  public static String text(String value) {
    String folded = nfkc(value);
    if (folded == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(folded.length());
    boolean space = false;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00A0') {
        space = true;
        continue;
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      out.append(c);
    }
    return out.toString();
  }
}
