package org.egovsuite.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an indicator of {@code type: normalised_composite} (see {@link
 * NormalisedCompositeIndicator}).
 */
final class NormalisedCompositeLoader {
  private NormalisedCompositeLoader() {}

  static NormalisedCompositeIndicator load(YamlNode root, Set<String> datasets, Set<String> known) {
    root.requireOnlyKeys(
        Set.of(
            "name", "type", "title", "units", "period", "sub_indices", "composite", "statistics"));
    YamlNode units = root.require("units").requireOnlyKeys(Set.of("lookup", "unit", "unit_name"));
    Set<String> columns = new HashSet<>();
    List<NormalisedCompositeIndicator.SubIndex> subIndices = new ArrayList<>();
    for (YamlNode s : root.require("sub_indices").items()) {
      s.requireOnlyKeys(Set.of("name", "en", "zh", "weight", "indicators"));
      List<NormalisedCompositeIndicator.SubIndicator> indicators = new ArrayList<>();
      for (YamlNode i : s.require("indicators").items()) {
        i.requireOnlyKeys(
            Set.of(
                "name", "source", "column", "weight", "direction", "missing", "unit", "en", "zh"));
        String source = IndicatorDefinitionLoader.source(i.require("source"), datasets, known);
        String column = i.require("column").asString();
        String name = i.string("name", column);
        if (!columns.add(name)) {
          throw i.error("sub-indicator column '" + name + "' is used twice; give one a 'name'");
        }
        String direction = i.string("direction", "higher");
        if (!Set.of("higher", "lower").contains(direction)) {
          throw i.require("direction").error("direction is 'higher' (higher is better) or 'lower'");
        }
        String missing = i.string("missing", "exclude");
        if (!Set.of("exclude", "zero").contains(missing)) {
          throw i.require("missing").error("missing is 'exclude' (unit not assessed) or 'zero'");
        }
        indicators.add(
            new NormalisedCompositeIndicator.SubIndicator(
                name,
                source,
                column,
                weight(i),
                direction.equals("lower"),
                missing.equals("zero"),
                i.string("unit", ""),
                new Title(i.require("en").asString(), i.require("zh").asString())));
      }
      if (indicators.isEmpty()) {
        throw s.require("indicators").error("a sub-index needs at least one indicator");
      }
      String name = s.require("name").asString();
      if (!columns.add(name)) {
        throw s.require("name").error("'" + name + "' is already a column of this indicator");
      }
      subIndices.add(
          new NormalisedCompositeIndicator.SubIndex(
              name,
              new Title(s.require("en").asString(), s.require("zh").asString()),
              weight(s),
              List.copyOf(indicators)));
    }
    if (subIndices.isEmpty()) {
      throw root.require("sub_indices").error("at least one sub-index is needed");
    }
    YamlNode composite = root.require("composite").requireOnlyKeys(Set.of("column"));
    return new NormalisedCompositeIndicator(
        IndicatorDefinitionLoader.name(root),
        IndicatorDefinitionLoader.title(root),
        root.file(),
        units.require("lookup").asString(),
        units.require("unit").asString(),
        units.require("unit_name").asString(),
        root.require("period").asString(),
        List.copyOf(subIndices),
        composite.require("column").asString(),
        IndicatorDefinitionLoader.statistics(root.require("statistics"), datasets, known));
  }

  private static double weight(YamlNode node) {
    double w = node.get("weight").map(YamlNode::asDouble).orElse(1.0);
    if (!(w > 0)) {
      throw node.require("weight").error("weight must be above 0");
    }
    return w;
  }
}
