package org.egovsuite.standardize;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Unicode folding for names: NFKC (full-width letters and digits become ASCII, compatibility
 * forms are unified) via the JDK's {@link Normalizer}, and removal of invisible characters
 * (zero-width spaces, BOMs, soft hyphens) that NFKC keeps.
 */
public final class TextFolding {
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");

  private TextFolding() {}

  public static String nfkc(String value) {
    if (value == null) {
      return null;
    }
    return INVISIBLE.matcher(Normalizer.normalize(value, Normalizer.Form.NFKC)).replaceAll("");
  }
}
