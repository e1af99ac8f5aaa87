package org.egovsuite.standardize;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Unicode folding for names, with the JDK's {@link Normalizer}: NFKC turns full-width letters,
 * digits and punctuation into their ASCII forms (Ｉｒａｑ → Iraq, （ → (, ， → ,) and the
 * ideographic space into a space; invisible characters that NFKC keeps (zero-width spaces, BOMs,
 * soft hyphens) are removed.
 */
public final class TextFolding {
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");

  private TextFolding() {}

  public static String nfkc(String value) {
    if (value == null) {
      return null;
    }
    return INVISIBLE.matcher(Normalizer.normalize(value, Normalizer.Form.NFKC)).replaceAll("");
  }

  /** NFKC, invisibles removed, runs of white space collapsed to one space, trimmed. */
  public static String text(String value) {
    String folded = nfkc(value);
    return folded == null ? null : SPACES.matcher(folded).replaceAll(" ").strip();
  }
}
