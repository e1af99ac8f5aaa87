package org.egovsuite.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Loads {@code conf/pipeline.yaml} and the dataset definitions it names, validating the
 * cross-references ("unknown dataset 'x' in indicators.egdi.dataset; known: a, b").
 */
public final class PipelineConfigLoader {
  private static final Set<String> KEYS =
      Set.of("datasets", "rules_dir", "reference", "indicators", "warehouse", "spark", "exports");

  private PipelineConfigLoader() {}

  /**
   * @param home the project home; relative paths in the config are resolved against it
   */
  public static PipelineConfig load(Path file, Path home) {
    return load(file, home, null);
  }

  /**
   * Only the job's own warehouse and Spark settings, for the commands that read what was published
   * (sql, lineage): they need where the warehouse is, not the datasets and indicators checked
   * (which costs Spark's SQL parser a second).
   */
  public static PipelineConfig settingsOnly(Path file, Path home) {
    YamlNode root = YamlFiles.read(file).requireOnlyKeys(KEYS);
    return new PipelineConfig(
        home,
        file.toString(),
        List.of(),
        home.resolve(root.string("rules_dir", "quality-rules")).normalize(),
        null,
        null,
        List.of(),
        root.get("warehouse").map(YamlNode::asString).orElse(null),
        RunProfileLoader.settings(root),
        ExportSettings.load(root));
  }

  /**
   * @param inputs base URI for relative dataset locations (a profile's {@code inputs}); null: the
   *     home
   */
  public static PipelineConfig load(Path file, Path home, String inputs) {
    YamlNode root = YamlFiles.read(file).requireOnlyKeys(KEYS);
    List<DatasetDefinition> datasets = new ArrayList<>();
    for (YamlNode item : root.require("datasets").items()) {
      // A name, never a path: "../../../tmp/x" must not load a definition from anywhere.
      DatasetDefinitionLoader.snakeCase(item);
      Path definition = home.resolve("conf/datasets/" + item.asString() + ".yaml");
      if (!definition.toFile().isFile()) {
        throw item.error(
            "no dataset definition " + definition + " for dataset '" + item.asString() + "'");
      }
      datasets.add(DatasetDefinitionLoader.load(definition, home, inputs));
    }
    Path rulesDir = home.resolve(root.string("rules_dir", "quality-rules")).normalize();
    ReferencePaths reference = reference(root, home);
    String warehouse = root.get("warehouse").map(YamlNode::asString).orElse(null);
    java.util.Map<String, String> spark = RunProfileLoader.settings(root);
    ExportSettings exports = ExportSettings.load(root);
    PipelineConfig config =
        new PipelineConfig(
            home,
            file.toString(),
            datasets,
            rulesDir,
            reference,
            null,
            List.of(),
            warehouse,
            spark,
            exports);
    // No indicators (an empty or absent block) is a pipeline that only ingests and checks.
    java.util.Optional<YamlNode> block =
        root.get("indicators").filter(n -> !(n.isScalar() && n.asString().isBlank()));
    if (block.isEmpty()) {
      return config;
    }
    YamlNode indicators = block.get().requireOnlyKeys(Set.of("egdi", "definitions"));
    EgdiIndicatorConfig egdi = indicators.get("egdi").map(node -> egdi(node, config)).orElse(null);
    return new PipelineConfig(
        home,
        file.toString(),
        datasets,
        rulesDir,
        reference,
        egdi,
        definitions(indicators, home, datasets),
        warehouse,
        spark,
        exports);
  }

  /** {@code indicators.definitions}: names of {@code conf/indicators/<name>.yaml}, in run order. */
  private static List<IndicatorDefinition> definitions(
      YamlNode indicators, Path home, List<DatasetDefinition> datasets) {
    Set<String> datasetNames = Set.copyOf(datasets.stream().map(DatasetDefinition::name).toList());
    List<IndicatorDefinition> out = new ArrayList<>();
    Set<String> known = new java.util.LinkedHashSet<>();
    java.util.Map<String, Path> definedIn = new java.util.HashMap<>();
    for (YamlNode item : indicators.get("definitions").map(YamlNode::items).orElse(List.of())) {
      // A file name, never a path; the indicator's table is its 'name:', which may differ (a
      // variant beside the default, e.g. province_capability_equal_weights.yaml).
      DatasetDefinitionLoader.snakeCase(item);
      Path file = home.resolve("conf/indicators/" + item.asString() + ".yaml");
      if (!file.toFile().isFile()) {
        throw item.error(
            "no indicator definition " + file + " for indicator '" + item.asString() + "'");
      }
      IndicatorDefinition definition =
          IndicatorDefinitionLoader.load(file, datasetNames, Set.copyOf(known));
      if (datasetNames.contains(definition.name())) {
        throw item.error(
            "indicator '"
                + definition.name()
                + "' ("
                + file
                + ") is named like a dataset of the pipeline");
      }
      Path earlier = definedIn.putIfAbsent(definition.name(), file);
      if (earlier != null) {
        throw item.error(
            "indicator '"
                + definition.name()
                + "' is defined twice: in "
                + earlier
                + " and in "
                + file
                + "; give one another 'name:'");
      }
      known.add(definition.name());
      out.add(definition);
    }
    return List.copyOf(out);
  }

  private static ReferencePaths reference(YamlNode root, Path home) {
    ReferencePaths defaults = ReferencePaths.defaults(home);
    if (root.get("reference").isEmpty()) {
      return defaults;
    }
    YamlNode node =
        root.require("reference")
            .requireOnlyKeys(Set.of("cn_divisions", "cn_divisions_config", "countries"));
    return new ReferencePaths(
        node.get("cn_divisions").map(n -> home.resolve(n.asString())).orElse(defaults.divisions()),
        node.get("cn_divisions_config")
            .map(n -> home.resolve(n.asString()))
            .orElse(defaults.divisionsConfig()),
        node.get("countries").map(n -> home.resolve(n.asString())).orElse(defaults.countries()));
  }

  private static EgdiIndicatorConfig egdi(YamlNode node, PipelineConfig config) {
    node.requireOnlyKeys(Set.of("dataset", "ranking", "bands"));
    YamlNode dataset = node.require("dataset");
    if (config.dataset(dataset.asString()).isEmpty()) {
      throw dataset.error(
          "unknown dataset '"
              + dataset.asString()
              + "'; known: "
              + String.join(
                  ", ", config.datasets().stream().map(DatasetDefinition::name).toList()));
    }
    DatasetDefinition input = config.dataset(dataset.asString()).orElseThrow();
    List<String> missing =
        EgdiIndicatorConfig.NEEDED_COLUMNS.stream()
            .filter(c -> !input.outputColumnNames().contains(c))
            .toList();
    if (!missing.isEmpty()) {
      throw dataset.error(
          "dataset '"
              + input.name()
              + "' ("
              + input.file()
              + ") lacks the columns the UN EGDI tables "
              + "need: "
              + String.join(", ", missing)
              + "; it has "
              + String.join(", ", input.outputColumnNames()));
    }
    RankingMethod ranking =
        node.get("ranking").map(RankingMethod::parse).orElse(RankingMethod.COMPETITION);
    return new EgdiIndicatorConfig(dataset.asString(), ranking, bands(node.require("bands")));
  }

  static List<Band> bands(YamlNode node) {
    return bands(node, true);
  }

  /**
   * Bands best first: from the highest {@code min} down where higher is better, from the lowest
   * {@code max} up where lower is better (days to fix, cost, a rank).
   */
  static List<Band> bands(YamlNode node, boolean higherIsBetter) {
    String key = higherIsBetter ? "min" : "max";
    List<Band> bands = new ArrayList<>();
    for (YamlNode item : node.items()) {
      item.requireOnlyKeys(Set.of("name", key));
      bands.add(
          new Band(item.require("name").asString(), item.require(key).asDouble(), !higherIsBetter));
    }
    if (bands.isEmpty()) {
      throw node.error("at least one band is needed");
    }
    List<Band> sorted = new ArrayList<>(bands);
    Comparator<Band> bestFirst = Comparator.comparingDouble(Band::bound);
    sorted.sort(higherIsBetter ? bestFirst.reversed() : bestFirst);
    if (!sorted.equals(bands)
        || bands.stream().map(Band::bound).distinct().count() != bands.size()) {
      throw node.error(
          higherIsBetter
              ? "bands must be listed from the highest 'min' down, each min different"
              : "with higher_is_better: false, bands are listed best first: from the lowest 'max' up, each max different");
    }
    return List.copyOf(bands);
  }
}
