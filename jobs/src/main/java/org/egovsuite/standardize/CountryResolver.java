package org.egovsuite.standardize;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * UN country names and their variants ("Viet Nam", "Vietnam", "Socialist Republic of Viet Nam",
 * "VNM", "VN") to the UN name and ISO 3166-1 alpha-3 code ({@code conf/reference/countries.csv}).
 * Matching ignores case, spacing and accents' compatibility forms; it never guesses.
 */
public final class CountryResolver implements Serializable {
  private final NameIndex names = new NameIndex();

  /** @param rows un_name, iso3, iso2, variants ("|"-separated) */
  CountryResolver(List<String[]> rows) {
    for (String[] row : rows) {
      Resolution unit = new Resolution(row[1], row[0], "name");
      names.add(key(row[0]), unit);
      names.add(key(row[1]), new Resolution(row[1], row[0], "code"));
      names.add(key(row[2]), new Resolution(row[1], row[0], "code"));
      if (row.length > 3 && row[3] != null) {
        for (String variant : row[3].split("\\|")) {
          names.add(key(variant), new Resolution(row[1], row[0], "alias"));
        }
      }
    }
  }

  public Resolution resolve(String text) {
    return text == null ? null : names.find(key(text));
  }

  public List<String> candidates(String text) {
    return names.closest(key(text), 3);
  }

  private static String key(String text) {
    return text == null ? null : TextFolding.text(text).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
