package org.egovsuite.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads an indicator of {@code type: aggregate} (see {@link AggregateIndicator}). */
final class AggregateDefinitionLoader {
  private AggregateDefinitionLoader() {}

  static AggregateIndicator load(YamlNode root, Set<String> datasets, Set<String> known) {
    root.requireOnlyKeys(
        Set.of(
            "name",
            "type",
            "title",
            "input",
            "unit",
            "unit_name",
            "period",
            "measures",
            "breakdowns"));
    YamlNode input =
        root.require("input")
            .requireOnlyKeys(Set.of("dataset", "where", "deduplicate", "derive", "joins"));
    String dataset = IndicatorDefinitionLoader.dataset(input, datasets);
    Map<String, String> derive = new LinkedHashMap<>();
    input
        .get("derive")
        .map(YamlNode::entries)
        .orElse(Map.of())
        .forEach((k, v) -> derive.put(k, SqlText.expression(v)));
    List<AggregateIndicator.Join> joins = new ArrayList<>();
    for (YamlNode j : input.get("joins").map(YamlNode::items).orElse(List.of())) {
      j.requireOnlyKeys(Set.of("source", "lookup", "on", "columns"));
      if (j.get("source").isPresent() == j.get("lookup").isPresent()) {
        throw j.error(
            "a join reads either 'source' (a dataset or earlier indicator) or 'lookup' (a CSV file)");
      }
      String source =
          j.get("source")
              .map(n -> IndicatorDefinitionLoader.source(n, datasets, known))
              .orElse(null);
      joins.add(
          new AggregateIndicator.Join(
              source,
              j.get("lookup").map(YamlNode::asString).orElse(null),
              j.require("on").asStringList(),
              j.require("columns").asStringList()));
    }
    List<AggregateIndicator.Measure> measures = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YamlNode m : root.require("measures").items()) {
      m.requireOnlyKeys(Set.of("column", "sql", "unit", "en", "zh"));
      String column = m.require("column").asString();
      if (!names.add(column)) {
        throw m.require("column").error("measure '" + column + "' is defined twice");
      }
      measures.add(
          new AggregateIndicator.Measure(
              column,
              SqlText.expression(m.require("sql")),
              m.string("unit", ""),
              new Title(m.require("en").asString(), m.require("zh").asString())));
    }
    if (measures.isEmpty()) {
      throw root.require("measures").error("at least one measure is needed");
    }
    List<AggregateIndicator.Breakdown> breakdowns = new ArrayList<>();
    for (YamlNode b : root.get("breakdowns").map(YamlNode::items).orElse(List.of())) {
      b.requireOnlyKeys(Set.of("name", "by", "measures"));
      List<String> wanted = b.get("measures").map(YamlNode::asStringList).orElse(List.of());
      for (String w : wanted) {
        if (!names.contains(w)) {
          throw b.require("measures")
              .error("no measure '" + w + "'; measures: " + String.join(", ", names));
        }
      }
      String name = b.require("name").asString();
      if (!name.matches("[a-z][a-z0-9_]*")) {
        throw b.require("name").error("breakdown names are snake_case table-name suffixes");
      }
      breakdowns.add(
          new AggregateIndicator.Breakdown(name, b.require("by").asStringList(), wanted));
    }
    return new AggregateIndicator(
        IndicatorDefinitionLoader.name(root),
        IndicatorDefinitionLoader.title(root),
        root.file(),
        dataset,
        input.get("where").map(SqlText::expression).orElse(null),
        input.get("deduplicate").map(YamlNode::asStringList).orElse(List.of()),
        derive,
        List.copyOf(joins),
        root.require("unit").asString(),
        root.require("unit_name").asString(),
        root.require("period").asString(),
        List.copyOf(measures),
        List.copyOf(breakdowns));
  }
}
