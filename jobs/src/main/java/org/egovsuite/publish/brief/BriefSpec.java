package org.egovsuite.publish.brief;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.egovsuite.config.YamlFiles;
import org.egovsuite.config.YamlNode;

/**
 * {@code conf/brief/figures.yaml}: the figures (named read-only queries over the published tables)
 * and charts the brief templates place, so an analyst adds a figure or a chart without code. Read
 * with file:line errors for a wrong key or value; queries are checked when they run.
 */
record BriefSpec(Map<String, Figure> figures, Map<String, Chart> charts) {
  static final String FILE = "conf/brief/figures.yaml";

  BriefSpec {
    // in file order: the brief's provenance lists tables in the order its figures read them
    figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    charts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(charts));
  }

  /**
   * @param yearTable the table whose {@code yearColumn} picks {year}; null when the query has none
   * @param formats how each numeric column is printed, by column
   */
  record Figure(
      String name,
      String sql,
      String yearTable,
      String yearColumn,
      Map<String, NumberFormat> formats) {
    Figure {
      formats = Map.copyOf(formats);
    }
  }

  /**
   * A chart's kind, the figure it draws and its column roles (label, value, x, y, …), per language
   * where given.
   */
  record Chart(String name, String kind, String figure, Map<String, Map<String, String>> roles) {
    static final Set<String> KINDS = Set.of("bars", "scatter", "map");

    Chart {
      roles = Map.copyOf(roles);
    }

    /**
     * The column a role names in a language: a plain column, or the language's entry of {zh: …, en:
     * …}.
     */
    Optional<String> column(String role, String lang) {
      Map<String, String> byLang = roles.get(role);
      return byLang == null
          ? Optional.empty()
          : Optional.ofNullable(byLang.getOrDefault(lang, byLang.get("")));
    }
  }

  static BriefSpec load(Path home) {
    Path file = home.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return new BriefSpec(Map.of(), Map.of());
    }
    YamlNode root = YamlFiles.read(file).requireOnlyKeys(Set.of("figures", "charts"));
    Map<String, Figure> figures = new LinkedHashMap<>();
    root.get("figures")
        .ifPresent(node -> node.entries().forEach((name, f) -> figures.put(name, figure(name, f))));
    Map<String, Chart> charts = new LinkedHashMap<>();
    root.get("charts")
        .ifPresent(
            node -> node.entries().forEach((name, c) -> charts.put(name, chart(name, c, figures))));
    return new BriefSpec(figures, charts);
  }

  private static Figure figure(String name, YamlNode node) {
    node.requireOnlyKeys(Set.of("sql", "year", "format"));
    String sql = node.require("sql").asString().trim();
    String yearTable = null;
    String yearColumn = null;
    if (node.get("year").isPresent()) {
      String[] parts = node.require("year").asString().trim().split("\\.", 2);
      yearTable = parts[0];
      yearColumn = parts.length == 2 ? parts[1] : "year";
    }
    if (sql.contains("{year}") && yearTable == null) {
      throw node.error("figure '" + name + "' uses {year} but says no year: TABLE[.COLUMN]");
    }
    Map<String, NumberFormat> formats = new LinkedHashMap<>();
    node.get("format")
        .ifPresent(
            f ->
                f.entries()
                    .forEach((column, spec) -> formats.put(column, NumberFormat.parse(spec))));
    return new Figure(name, sql, yearTable, yearColumn, formats);
  }

  private static Chart chart(String name, YamlNode node, Map<String, Figure> figures) {
    String kind = node.require("kind").asString();
    if (!Chart.KINDS.contains(kind)) {
      throw node.require("kind")
          .error("chart kind '" + kind + "' is not one of bars, scatter, map");
    }
    String figure = node.require("figure").asString();
    if (!figures.containsKey(figure)) {
      throw node.require("figure")
          .error(
              "chart '" + name + "' draws figure '" + figure + "', which figures: does not define");
    }
    Map<String, Map<String, String>> roles = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
      if (List.of("kind", "figure").contains(e.getKey())) {
        continue;
      }
      Map<String, String> byLang = new LinkedHashMap<>();
      if (e.getValue().isMapping()) {
        e.getValue()
            .requireOnlyKeys(Set.copyOf(BriefRenderer.LANGUAGES))
            .entries()
            .forEach((lang, column) -> byLang.put(lang, column.asString()));
      } else {
        byLang.put("", e.getValue().asString());
      }
      roles.put(e.getKey(), byLang);
    }
    return new Chart(name, kind, figure, roles);
  }
}
