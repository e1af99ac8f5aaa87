package org.egovsuite.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code conf/profiles/<name>.yaml}. */
public final class RunProfileLoader {
  private RunProfileLoader() {}

  public static RunProfile load(Path home, String name) {
    Path file = home.resolve("conf/profiles/" + name + ".yaml");
    if (!file.toFile().isFile()) {
      String[] known = home.resolve("conf/profiles").toFile().list((d, n) -> n.endsWith(".yaml"));
      throw new ConfigException(
          "no profile '"
              + name
              + "' ("
              + file
              + "); known: "
              + (known == null
                  ? "none"
                  : String.join(
                      ", ",
                      Arrays.stream(known).map(n -> n.replace(".yaml", "")).sorted().toList())));
    }
    YamlNode root =
        YamlFiles.read(file)
            .requireOnlyKeys(
                Set.of("master", "warehouse", "inputs", "spark", "allowed_locations", "catalog"));
    return new RunProfile(
        name,
        file.toString(),
        root.get("master").map(YamlNode::asString).orElse(null),
        root.get("warehouse").map(YamlNode::asString).orElse(null),
        root.get("inputs").map(YamlNode::asString).orElse(null),
        settings(root),
        root.get("allowed_locations").map(YamlNode::asStringList).orElse(List.of()),
        catalog(root));
  }

  /** The {@code catalog:} mapping: Iceberg catalog properties, scalar values only. */
  private static Map<String, String> catalog(YamlNode root) {
    Map<String, String> out = new LinkedHashMap<>();
    root.get("catalog")
        .ifPresent(
            catalog -> {
              catalog
                  .entries()
                  .forEach(
                      (key, value) -> {
                        if (!value.isScalar()) {
                          throw value.error(
                              "catalog settings are 'key: value' lines (type, uri, warehouse, …)");
                        }
                        out.put(key, value.asString());
                      });
              if (!out.containsKey("type") && !out.containsKey("catalog-impl")) {
                throw catalog.error("a catalog needs a type: jdbc, hadoop, hive or rest");
              }
            });
    return out;
  }

  /**
   * The {@code spark:} mapping of a profile or of the pipeline (job) config: key → value as text.
   */
  static Map<String, String> settings(YamlNode root) {
    Map<String, String> out = new LinkedHashMap<>();
    root.get("spark")
        .ifPresent(
            spark ->
                spark
                    .entries()
                    .forEach(
                        (key, value) -> {
                          if (!value.isScalar()) {
                            throw value.error("Spark settings are 'key: value' lines");
                          }
                          out.put(key, value.asString());
                        }));
    return out;
  }
}
