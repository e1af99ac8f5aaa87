package org.egovsuite.standardize;

import com.ibm.icu.impl.ICUData;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.ULocale;
import com.ibm.icu.util.UResourceBundle;
import java.io.Serializable;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Country names to the UN name and ISO 3166-1 alpha-3 code. Names come from two sources: the
 * bundled UN list ({@code conf/reference/countries.csv}: UN name, codes and the aliases stewards
 * added, e.g. "DPR Korea", "The former Yugoslav Republic of Macedonia"), which wins; and CLDR's
 * region names through ICU4J in the six UN languages and traditional Chinese, with CLDR's variant
 * and short forms ("Türkiye" and "Turkey", "Russia", "Brunei", "UK", 土耳其, 朝鲜), so a name any of
 * them uses resolves without a hand list. Matching ignores case, spacing, accents and the shape of
 * apostrophes ("Cote d'Ivoire" = "Côte d’Ivoire"); it never guesses.
 */
public final class CountryResolver implements Serializable {
  /** CLDR locales whose region names are indexed: the six UN languages and traditional Chinese. */
  static final List<String> LANGUAGES = List.of("en", "zh", "zh-Hant", "fr", "es", "ru", "ar");

  private final NameIndex names = new NameIndex();

  /**
   * @param rows un_name, iso3, iso2, variants ("|"-separated)
   */
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
    for (String language : LANGUAGES) {
      ULocale locale = ULocale.forLanguageTag(language);
      LocaleDisplayNames display = LocaleDisplayNames.getInstance(locale);
      for (String[] row : rows) {
        String name = display.regionDisplayName(row[2]);
        // ICU answers an unknown region with its code, already indexed.
        if (name != null && !name.equalsIgnoreCase(row[2])) {
          names.addWeak(key(name), new Resolution(row[1], row[0], "cldr"));
        }
      }
      addAlternatives(locale, rows);
    }
  }

  /**
   * CLDR's other names of a region, which ICU keeps beside the display names but does not offer
   * through LocaleDisplayNames: the variant ("Turkey", "Swaziland", "Ivory Coast", 象牙海岸) and short
   * ("UK", "US") forms. Read from ICU's region bundle (ICUData names its place in the jar).
   */
  private void addAlternatives(ULocale locale, List<String[]> rows) {
    UResourceBundle bundle =
        UResourceBundle.getBundleInstance(ICUData.ICU_REGION_BASE_NAME, locale);
    for (String table : List.of("Countries%variant", "Countries%short")) {
      UResourceBundle names;
      try {
        names = bundle.get(table);
      } catch (java.util.MissingResourceException e) {
        continue; // this language has no such forms
      }
      for (String[] row : rows) {
        try {
          this.names.addWeak(key(names.getString(row[2])), new Resolution(row[1], row[0], "cldr"));
        } catch (java.util.MissingResourceException e) {
          // no alternative name for this region
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

  /**
   * Folded for matching: NFKC text, lower case, accents and apostrophe shapes removed, spaces
   * collapsed.
   */
  static String key(String text) {
    if (text == null) {
      return null;
    }
    String folded =
        TextFolding.text(text).toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'');
    String plain = Normalizer.normalize(folded, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return plain.replaceAll("\\s+", " ");
  }
}
