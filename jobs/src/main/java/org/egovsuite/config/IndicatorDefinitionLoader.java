package org.egovsuite.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code conf/indicators/<name>.yaml}. Names of datasets and of earlier indicators (as
 * covariate sources) are checked against the pipeline; every message says file:line and key.
 */
public final class IndicatorDefinitionLoader {
  private static final Set<String> TYPES =
      Set.of(
          "composite",
          "checklist",
          "per_capita",
          "service_catalogue",
          "aggregate",
          "normalised_composite");

  private IndicatorDefinitionLoader() {}

  /**
   * @param known dataset names of the pipeline and names of the indicators defined before this one
   *     (which may serve as covariate sources)
   */
  public static IndicatorDefinition load(Path file, Set<String> datasets, Set<String> known) {
    YamlNode root = YamlFiles.read(file);
    String type = root.require("type").asString();
    return switch (type) {
      case "composite" -> composite(root, datasets, known);
      case "checklist" -> checklist(root, datasets, known);
      case "per_capita" -> perCapita(root, datasets);
      case "service_catalogue" -> serviceCatalogue(root, datasets);
      case "aggregate" -> AggregateDefinitionLoader.load(root, datasets, known);
      case "normalised_composite" -> NormalisedCompositeLoader.load(root, datasets, known);
      default ->
          throw root.require("type")
              .error(
                  "unknown indicator type '"
                      + type
                      + "'; valid: "
                      + String.join(", ", TYPES.stream().sorted().toList()));
    };
  }

  private static CompositeIndicator composite(
      YamlNode root, Set<String> datasets, Set<String> known) {
    root.requireOnlyKeys(
        Set.of("name", "type", "title", "input", "dimensions", "composite", "statistics"));
    YamlNode input =
        root.require("input").requireOnlyKeys(Set.of("dataset", "unit", "unit_name", "period"));
    List<CompositeIndicator.Dimension> dimensions = new ArrayList<>();
    for (YamlNode d : root.require("dimensions").items()) {
      d.requireOnlyKeys(Set.of("column", "weight", "unit", "en", "zh"));
      double weight = d.require("weight").asDouble();
      if (!(weight > 0)) {
        throw d.require("weight").error("weight must be above 0");
      }
      dimensions.add(
          new CompositeIndicator.Dimension(
              d.require("column").asString(),
              weight,
              d.string("unit", ""),
              new Title(d.require("en").asString(), d.require("zh").asString())));
    }
    YamlNode c =
        root.require("composite")
            .requireOnlyKeys(Set.of("column", "supplied", "tolerance", "authoritative"));
    CompositeIndicator.Composite composite =
        new CompositeIndicator.Composite(
            c.require("column").asString(),
            c.get("supplied").map(YamlNode::asString).orElse(null),
            c.get("tolerance").map(YamlNode::asDouble).orElse(0.01),
            c.get("authoritative").map(YamlNode::asBoolean).orElse(false));
    if (composite.authoritative() && composite.suppliedColumn().isEmpty()) {
      throw c.require("authoritative")
          .error("an authoritative composite needs 'supplied' (its input column)");
    }
    // The scores may come from a dataset or from an indicator listed before (a catalogue's
    // dimensions).
    YamlNode source = input.require("dataset");
    source(source, datasets, known);
    return new CompositeIndicator(
        name(root),
        title(root),
        root.file(),
        source.asString(),
        input.require("unit").asString(),
        input.require("unit_name").asString(),
        input.require("period").asString(),
        List.copyOf(dimensions),
        composite,
        statistics(root.require("statistics"), datasets, known));
  }

  private static ChecklistIndicator checklist(
      YamlNode root, Set<String> datasets, Set<String> known) {
    root.requireOnlyKeys(
        Set.of(
            "name",
            "type",
            "title",
            "inputs",
            "unit",
            "unit_name",
            "period",
            "carry",
            "criteria",
            "value",
            "statistics"));
    List<ChecklistIndicator.Input> inputs = new ArrayList<>();
    for (YamlNode i : root.require("inputs").items()) {
      i.requireOnlyKeys(Set.of("dataset", "period", "unit_fixes"));
      List<ChecklistIndicator.UnitFix> fixes = new ArrayList<>();
      for (YamlNode f : i.get("unit_fixes").map(YamlNode::items).orElse(List.of())) {
        f.requireOnlyKeys(Set.of("when", "unit", "why"));
        Map<String, String> when = new LinkedHashMap<>();
        f.require("when").entries().forEach((k, v) -> when.put(k, v.asString()));
        fixes.add(
            new ChecklistIndicator.UnitFix(
                when, f.require("unit").asLong(), f.require("why").asString()));
      }
      inputs.add(
          new ChecklistIndicator.Input(
              dataset(i, datasets), (int) i.require("period").asLong(), fixes));
    }
    List<ChecklistIndicator.Criterion> criteria = new ArrayList<>();
    for (YamlNode c : root.require("criteria").items()) {
      c.requireOnlyKeys(Set.of("name", "en", "zh", "indicators"));
      List<ChecklistIndicator.Item> items = new ArrayList<>();
      for (YamlNode item : c.require("indicators").items()) {
        if (item.isScalar()) {
          items.add(new ChecklistIndicator.Item(item.asString(), 1.0)); // equal weights by default
        } else {
          item.requireOnlyKeys(Set.of("column", "weight"));
          double weight = item.get("weight").map(YamlNode::asDouble).orElse(1.0);
          if (weight < 0) {
            throw item.require("weight").error("weight must be 0 or more");
          }
          items.add(new ChecklistIndicator.Item(item.require("column").asString(), weight));
        }
      }
      criteria.add(
          new ChecklistIndicator.Criterion(
              c.require("name").asString(),
              new Title(c.require("en").asString(), c.require("zh").asString()),
              List.copyOf(items)));
    }
    String value = root.string("value", "share");
    if (!Set.of("share", "index").contains(value)) {
      throw root.require("value").error("unknown value '" + value + "'; valid: index, share");
    }
    return new ChecklistIndicator(
        name(root),
        title(root),
        root.file(),
        List.copyOf(inputs),
        root.require("unit").asString(),
        root.require("unit_name").asString(),
        root.require("period").asString(),
        root.get("carry").map(YamlNode::asStringList).orElse(List.of()),
        List.copyOf(criteria),
        value,
        statistics(root.require("statistics"), datasets, known));
  }

  private static PerCapitaIndicator perCapita(YamlNode root, Set<String> datasets) {
    root.requireOnlyKeys(
        Set.of(
            "name", "type", "title", "input", "numerator", "denominator", "column", "column_unit"));
    YamlNode input =
        root.require("input")
            .requireOnlyKeys(Set.of("dataset", "unit", "unit_name", "period", "indicator_column"));
    return new PerCapitaIndicator(
        name(root),
        title(root),
        root.file(),
        dataset(input, datasets),
        input.require("unit").asString(),
        input.require("unit_name").asString(),
        input.require("period").asString(),
        input.require("indicator_column").asString(),
        side(root.require("numerator")),
        side(root.require("denominator")),
        root.require("column").asString(),
        root.require("column_unit").asString());
  }

  private static ServiceCatalogueIndicator serviceCatalogue(YamlNode root, Set<String> datasets) {
    root.requireOnlyKeys(
        Set.of(
            "name",
            "type",
            "title",
            "input",
            "item",
            "online",
            "channels",
            "guide_fields",
            "interactions"));
    YamlNode input =
        root.require("input").requireOnlyKeys(Set.of("dataset", "unit", "unit_name", "period"));
    List<ServiceCatalogueIndicator.GuideField> fields = new ArrayList<>();
    for (YamlNode f : root.require("guide_fields").items()) {
      f.requireOnlyKeys(Set.of("column", "pattern"));
      String pattern = f.get("pattern").map(YamlNode::asString).orElse(null);
      if (pattern != null) {
        try {
          java.util.regex.Pattern.compile(pattern);
        } catch (java.util.regex.PatternSyntaxException e) {
          throw f.require("pattern").error("bad regular expression: " + e.getDescription());
        }
      }
      fields.add(new ServiceCatalogueIndicator.GuideField(f.require("column").asString(), pattern));
    }
    return new ServiceCatalogueIndicator(
        name(root),
        title(root),
        root.file(),
        dataset(input, datasets),
        input.require("unit").asString(),
        input.require("unit_name").asString(),
        input.require("period").asString(),
        root.require("item").asString(),
        root.require("online").asString(),
        nonEmpty(root.require("channels")),
        List.copyOf(fields),
        nonEmpty(root.require("interactions")));
  }

  private static List<String> nonEmpty(YamlNode node) {
    List<String> out = node.asStringList();
    if (out.isEmpty()) {
      throw node.error("at least one column is needed");
    }
    return out;
  }

  private static PerCapitaIndicator.Side side(YamlNode node) {
    node.requireOnlyKeys(Set.of("indicator", "factor", "column", "unit", "en", "zh"));
    return new PerCapitaIndicator.Side(
        node.require("indicator").asString(),
        node.require("factor").asDouble(),
        node.require("column").asString(),
        node.require("unit").asString(),
        new Title(node.require("en").asString(), node.require("zh").asString()));
  }

  static StatisticsConfig statistics(YamlNode node, Set<String> datasets, Set<String> known) {
    node.requireOnlyKeys(
        Set.of(
            "ranking",
            "bands",
            "band_or_above",
            "groupings",
            "covariates",
            "performers",
            "movers",
            "higher_is_better",
            "published_rank"));
    boolean higherIsBetter = node.get("higher_is_better").map(YamlNode::asBoolean).orElse(true);
    List<Band> bands = PipelineConfigLoader.bands(node.require("bands"), higherIsBetter);
    Set<String> bandNames = Set.copyOf(bands.stream().map(Band::name).toList());
    List<StatisticsConfig.BandOrAbove> cumulative = new ArrayList<>();
    for (YamlNode g : node.get("band_or_above").map(YamlNode::items).orElse(List.of())) {
      g.requireOnlyKeys(Set.of("name", "through"));
      String through = g.require("through").asString();
      if (!bandNames.contains(through)) {
        throw g.require("through")
            .error("no band '" + through + "'; bands: " + String.join(", ", bandNames));
      }
      if (bandNames.contains(g.require("name").asString())) {
        throw g.require("name").error("a cumulative group needs a name of its own, not a band's");
      }
      cumulative.add(new StatisticsConfig.BandOrAbove(g.require("name").asString(), through));
    }
    List<StatisticsConfig.Grouping> groupings = new ArrayList<>();
    for (YamlNode g : node.get("groupings").map(YamlNode::items).orElse(List.of())) {
      g.requireOnlyKeys(Set.of("column", "lookup", "key", "rank"));
      if (g.get("lookup").isPresent() != g.get("key").isPresent()) {
        throw g.error("'lookup' (a CSV file) and 'key' (the column joining it) go together");
      }
      groupings.add(
          new StatisticsConfig.Grouping(
              g.require("column").asString(),
              g.get("lookup").map(YamlNode::asString).orElse(null),
              g.get("key").map(YamlNode::asString).orElse(null),
              g.get("rank").map(YamlNode::asBoolean).orElse(false)));
    }
    List<StatisticsConfig.Covariate> covariates = new ArrayList<>();
    for (YamlNode c : node.get("covariates").map(YamlNode::items).orElse(List.of())) {
      c.requireOnlyKeys(Set.of("name", "source", "column", "on"));
      String source = source(c.require("source"), datasets, known);
      covariates.add(
          new StatisticsConfig.Covariate(
              c.require("name").asString(),
              source,
              c.require("column").asString(),
              c.require("on").asStringList()));
    }
    StatisticsConfig.Performers performers = StatisticsConfig.Performers.DEFAULT;
    if (node.get("performers").isPresent()) {
      YamlNode p =
          node.require("performers")
              .requireOnlyKeys(Set.of("method", "threshold", "over", "under", "top"));
      String method = p.string("method", "residual");
      StatisticsConfig.Performers.Method m =
          switch (method) {
            case "residual" -> StatisticsConfig.Performers.Method.RESIDUAL;
            case "rank_gap" -> StatisticsConfig.Performers.Method.RANK_GAP;
            default ->
                throw p.require("method")
                    .error("unknown method '" + method + "'; valid: rank_gap, residual");
          };
      if (p.get("threshold").isPresent()
          == (p.get("over").isPresent() || p.get("under").isPresent())) {
        throw p.error(
            "give 'threshold' (both ways) or 'over' and 'under' (each a distance from the line or a "
                + "rank gap, e.g. over: 12, under: 20)");
      }
      double over = p.get("over").orElseGet(() -> p.require("threshold")).asDouble();
      double under = p.get("under").orElseGet(() -> p.require("threshold")).asDouble();
      if (over <= 0 || under <= 0) {
        throw p.error("thresholds are distances above 0 (under: 20 means 20 places worse)");
      }
      long top = p.get("top").map(YamlNode::asLong).orElse(0L);
      if (top < 0) {
        throw p.require("top").error("top is a count of units per period, 0 (all) or more");
      }
      performers = new StatisticsConfig.Performers(m, over, under, (int) top);
    }
    RankingMethod ranking =
        node.get("ranking").map(RankingMethod::parse).orElse(RankingMethod.COMPETITION);
    long movers = node.get("movers").map(YamlNode::asLong).orElse(0L);
    if (movers < 0) {
      throw node.require("movers").error("movers is a count of risers and fallers, 0 or more");
    }
    StatisticsConfig.Covariate publishedRank = null;
    if (node.get("published_rank").isPresent()) {
      YamlNode r = node.require("published_rank").requireOnlyKeys(Set.of("source", "column", "on"));
      publishedRank =
          new StatisticsConfig.Covariate(
              "rank_published",
              source(r.require("source"), datasets, known),
              r.require("column").asString(),
              r.require("on").asStringList());
    }
    return new StatisticsConfig(
        ranking,
        bands,
        List.copyOf(cumulative),
        List.copyOf(groupings),
        List.copyOf(covariates),
        performers,
        (int) movers,
        higherIsBetter,
        publishedRank);
  }

  static String name(YamlNode root) {
    String name = root.require("name").asString();
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw root.require("name").error("indicator names are snake_case table names");
    }
    return name;
  }

  static Title title(YamlNode root) {
    YamlNode t = root.require("title").requireOnlyKeys(Set.of("en", "zh"));
    return new Title(t.require("en").asString(), t.require("zh").asString());
  }

  /**
   * A source an indicator reads: a dataset of the pipeline or an indicator listed before it.
   * Otherwise one line naming both lists (empty ones said so).
   */
  static String source(YamlNode node, Set<String> datasets, Set<String> known) {
    String source = node.asString();
    if (!datasets.contains(source) && !known.contains(source)) {
      throw node.error(
          "unknown source '"
              + source
              + "'; sources are the datasets of the pipeline ("
              + listed(datasets)
              + ") and the indicators listed before this one ("
              + listed(known)
              + ")");
    }
    return source;
  }

  private static String listed(Set<String> names) {
    return names.isEmpty() ? "none" : String.join(", ", names.stream().sorted().toList());
  }

  static String dataset(YamlNode input, Set<String> datasets) {
    YamlNode d = input.require("dataset");
    if (!datasets.contains(d.asString())) {
      throw d.error(
          "unknown dataset '"
              + d.asString()
              + "'; known: "
              + String.join(", ", datasets.stream().sorted().toList()));
    }
    return d.asString();
  }
}
