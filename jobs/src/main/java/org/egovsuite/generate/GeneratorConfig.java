package org.egovsuite.generate;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.egovsuite.config.YamlFiles;
import org.egovsuite.config.YamlNode;

/**
 * {@code conf/generator.yaml}: periods, rows per scale unit, file size, the vulnerability fix rates
 * and the messiness rates (with per-dataset overrides).
 */
public record GeneratorConfig(
    List<Integer> years,
    Map<String, Long> rowsPerScale,
    long rowsPerFile,
    double fixedWithin30Days,
    double neverFixed,
    Messiness.Rates rates,
    Map<String, Messiness.Rates> overrides)
    implements Serializable {

  public Messiness.Rates ratesFor(String dataset) {
    return overrides.getOrDefault(dataset, rates);
  }

  public long rows(String dataset, double scale) {
    Long perScale = rowsPerScale.get(dataset);
    if (perScale == null) {
      throw new IllegalArgumentException(
          "conf/generator.yaml rows_per_scale has no entry for '" + dataset + "'");
    }
    return Math.round(perScale * scale);
  }

  public static GeneratorConfig load(Path file) {
    YamlNode root =
        YamlFiles.read(file)
            .requireOnlyKeys(
                Set.of(
                    "years",
                    "rows_per_scale",
                    "rows_per_file",
                    "vulnerabilities",
                    "messiness",
                    "overrides"));
    List<Integer> years =
        root.require("years").items().stream().map(y -> (int) y.asLong()).toList();
    if (years.isEmpty()) {
      throw root.require("years").error("at least one year is needed");
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    YamlNode perScale =
        root.require("rows_per_scale").requireOnlyKeys(Set.copyOf(Generator.SCALED));
    Generator.SCALED.forEach(d -> rows.put(d, perScale.require(d).asLong()));
    YamlNode fixes =
        root.require("vulnerabilities")
            .requireOnlyKeys(Set.of("fixed_within_30_days", "never_fixed"));
    double within = share(fixes.require("fixed_within_30_days"));
    double never = share(fixes.require("never_fixed"));
    if (within + never > 1) {
      throw fixes.error("fixed_within_30_days + never_fixed must not exceed 1");
    }
    Messiness.Rates rates = rates(root.require("messiness"), null);
    Map<String, Messiness.Rates> overrides = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> o :
        root.get("overrides").map(YamlNode::entries).orElse(Map.of()).entrySet()) {
      if (!Generator.DATASETS.contains(o.getKey())) {
        throw o.getValue()
            .error("unknown generated dataset '" + o.getKey() + "'; valid: " + Generator.DATASETS);
      }
      overrides.put(o.getKey(), rates(o.getValue(), rates));
    }
    long rowsPerFile = root.require("rows_per_file").asLong();
    if (rowsPerFile < 1000) {
      throw root.require("rows_per_file").error("at least 1000 rows per file");
    }
    return new GeneratorConfig(
        List.copyOf(years), rows, rowsPerFile, within, never, rates, overrides);
  }

  private static Messiness.Rates rates(YamlNode node, Messiness.Rates base) {
    node.requireOnlyKeys(
        Set.of(
            "name_variants",
            "full_width_digits",
            "nulls",
            "duplicates",
            "malformed",
            "out_of_range"));
    Messiness.Rates r =
        new Messiness.Rates(
            rate(node, "name_variants", base == null ? null : base.nameVariants()),
            rate(node, "full_width_digits", base == null ? null : base.fullWidthDigits()),
            rate(node, "nulls", base == null ? null : base.nulls()),
            rate(node, "duplicates", base == null ? null : base.duplicates()),
            rate(node, "malformed", base == null ? null : base.malformed()),
            rate(node, "out_of_range", base == null ? null : base.outOfRange()));
    if (r.nulls() + r.duplicates() + r.malformed() + r.outOfRange() > 1) {
      throw node.error(
          "nulls + duplicates + malformed + out_of_range must not exceed 1 (each record suffers one)");
    }
    return r;
  }

  private static double rate(YamlNode node, String key, Double fallback) {
    if (fallback != null && node.get(key).isEmpty()) {
      return fallback;
    }
    return share(node.require(key));
  }

  private static double share(YamlNode node) {
    double v = node.asDouble();
    if (v < 0 || v > 1) {
      throw node.error("a share between 0 and 1 is expected, got " + v);
    }
    return v;
  }
}
