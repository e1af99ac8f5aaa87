package org.egovsuite.standardize;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.egovsuite.config.ConfigException;
import org.egovsuite.config.ReferencePaths;
import org.egovsuite.config.YamlFiles;
import org.egovsuite.config.YamlNode;

/**
 * The reference tables standardisation resolves against, loaded once on the driver (they are small)
 * and shipped to executors inside the steps that use them.
 */
public final class ReferenceData implements Serializable {
  private final ReferencePaths paths;
  private DivisionResolver divisions;
  private CountryResolver countries;

  public ReferenceData(ReferencePaths paths) {
    this.paths = paths;
  }

  public synchronized DivisionResolver divisions() {
    if (divisions == null) {
      divisions = loadDivisions();
    }
    return divisions;
  }

  public synchronized CountryResolver countries() {
    if (countries == null) {
      countries = new CountryResolver(csv(paths.countries(), 4));
    }
    return countries;
  }

  private DivisionResolver loadDivisions() {
    YamlNode extras =
        YamlFiles.read(paths.divisionsConfig())
            .requireOnlyKeys(Set.of("extra_provinces", "province_aliases", "city_aliases"));
    List<DivisionResolver.Extra> extra = new ArrayList<>();
    extras
        .get("extra_provinces")
        .ifPresent(
            list ->
                list.items()
                    .forEach(
                        item -> {
                          item.requireOnlyKeys(Set.of("code", "name", "aliases"));
                          extra.add(
                              new DivisionResolver.Extra(
                                  item.require("code").asString(),
                                  item.require("name").asString(),
                                  item.get("aliases")
                                      .map(YamlNode::asStringList)
                                      .orElse(List.of())));
                        }));
    try {
      return new DivisionResolver(
          csv(paths.divisions().resolve("provinces.csv"), 2),
          csv(paths.divisions().resolve("cities.csv"), 2),
          csv(paths.divisions().resolve("areas.csv"), 3),
          extra,
          aliases(extras, "province_aliases"),
          aliases(extras, "city_aliases"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(paths.divisionsConfig() + ": " + e.getMessage());
    }
  }

  private static Map<String, String> aliases(YamlNode root, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    root.get(key)
        .ifPresent(map -> map.entries().forEach((alias, name) -> out.put(alias, name.asString())));
    return out;
  }

  /** Rows of a small UTF-8 CSV with a header, each padded to {@code width} fields. */
  static List<String[]> csv(Path file, int width) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file + ": reference table not found");
    }
    CsvParserSettings settings = new CsvParserSettings();
    settings.setHeaderExtractionEnabled(true);
    settings.setLineSeparatorDetectionEnabled(true);
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String[]> rows = new ArrayList<>();
      for (String[] row : new CsvParser(settings).parseAll(reader)) {
        rows.add(java.util.Arrays.copyOf(row, Math.max(width, row.length)));
      }
      return rows;
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read reference table: " + e.getMessage(), e);
    }
  }
}
