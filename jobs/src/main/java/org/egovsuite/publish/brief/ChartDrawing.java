package org.egovsuite.publish.brief;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.egovsuite.config.ConfigException;
import org.egovsuite.publish.profile.ChinaMap;

/**
 * Draws the charts of {@code conf/brief/figures.yaml} in one language from their figures' rows: the
 * columns a chart names are checked against its figure's query, so a renamed column is named in the
 * error, not drawn as an empty chart.
 */
final class ChartDrawing {
  /** Classes of a map, first (best) darkest. */
  private static final List<String> PALETTE =
      List.of("#08306b", "#2171b5", "#6baed6", "#c6dbef", "#f7fbff");

  private ChartDrawing() {}

  /** Every chart whose figure has rows, by name: SVG (and a map's legend) ready to place. */
  static Map<String, String> draw(
      Path home, BriefSpec spec, Map<String, FigureValues.Result> figures, String lang) {
    Map<String, String> out = new LinkedHashMap<>();
    for (BriefSpec.Chart chart : spec.charts().values()) {
      FigureValues.Result figure = figures.get(chart.figure());
      if (figure == null || figure.raw().isEmpty()) {
        continue;
      }
      List<Map<String, Object>> rows = figure.raw();
      Map<String, NumberFormat> formats = spec.figures().get(chart.figure()).formats();
      String svg =
          switch (chart.kind()) {
            case "bars" -> {
              String value = column(chart, "value", lang, rows);
              NumberFormat format =
                  formats.getOrDefault(value, NumberFormat.defaultFor(rows.get(0).get(value)));
              yield BriefCharts.bars(
                  chart.name(),
                  texts(rows, column(chart, "label", lang, rows)),
                  numbers(rows, value),
                  rows.stream()
                      .map(r -> r.get(value) == null ? "" : format.apply(r.get(value)))
                      .toList(),
                  0);
            }
            case "scatter" -> {
              String x = column(chart, "x", lang, rows);
              String y = column(chart, "y", lang, rows);
              // a point needs both coordinates; the fitted line may be missing for some
              List<Map<String, Object>> points =
                  rows.stream().filter(r -> r.get(x) != null && r.get(y) != null).toList();
              yield points.isEmpty()
                  ? ""
                  : BriefCharts.scatter(
                      chart.name(),
                      texts(points, column(chart, "label", lang, rows)),
                      numbers(points, x),
                      numbers(points, y),
                      numbers(points, column(chart, "fitted", lang, rows)));
            }
            case "map" -> map(home, chart, rows, lang);
            default -> throw new IllegalStateException(chart.kind());
          };
      out.put(chart.name(), svg);
    }
    return out;
  }

  /** Provinces coloured by their class, a legend of the classes with their counts beneath. */
  private static String map(
      Path home, BriefSpec.Chart chart, List<Map<String, Object>> rows, String lang) {
    ChinaMap outlines = ChinaMap.load(home).orElse(null);
    if (outlines == null) {
      return "";
    }
    String code = column(chart, "code", lang, rows);
    String klass = column(chart, "class", lang, rows);
    String order = column(chart, "order", lang, rows);
    String title = chart.column("title", lang).orElse(code);
    String value = chart.column("value", lang).orElse(null);
    Map<Integer, String> classes = new TreeMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, String> colours = new LinkedHashMap<>();
    Map<String, String> titles = new LinkedHashMap<>();
    for (Map<String, Object> r : rows) {
      if (r.get(klass) == null || r.get(order) == null) {
        continue;
      }
      int place = ((Number) r.get(order)).intValue();
      String name = String.valueOf(r.get(klass));
      classes.put(place, name);
      counts.merge(name, 1, Integer::sum);
      colours.put(String.valueOf(r.get(code)), colour(place));
      titles.put(
          String.valueOf(r.get(code)),
          r.get(title)
              + " · "
              + name
              + (value != null && r.get(value) != null ? " · " + Numbers.fixed(r.get(value)) : ""));
    }
    StringBuilder legend = new StringBuilder("<div class=\"legend\">");
    classes.forEach(
        (place, name) ->
            legend
                .append("<span><i style=\"background:")
                .append(colour(place))
                .append("\"></i>")
                .append(escapeHtml4(name))
                .append(" (")
                .append(counts.get(name))
                .append(")</span>"));
    return outlines.filled(colours, titles, chart.name()) + legend.append("</div>");
  }

  /**
   * The colour of the class in the given place (1 = best, darkest); later places share the
   * lightest.
   */
  private static String colour(int place) {
    return PALETTE.get(Math.min(PALETTE.size() - 1, Math.max(0, place - 1)));
  }

  private static String column(
      BriefSpec.Chart chart, String role, String lang, List<Map<String, Object>> rows) {
    String column =
        chart
            .column(role, lang)
            .orElseThrow(
                () ->
                    new ConfigException(
                        BriefSpec.FILE
                            + ": chart '"
                            + chart.name()
                            + "' ("
                            + chart.kind()
                            + ") needs "
                            + role
                            + ": COLUMN"));
    if (!rows.get(0).containsKey(column)) {
      throw new ConfigException(
          BriefSpec.FILE
              + ": chart '"
              + chart.name()
              + "': "
              + role
              + " '"
              + column
              + "' is not a column of figure '"
              + chart.figure()
              + "' (columns: "
              + String.join(", ", rows.get(0).keySet())
              + ")");
    }
    return column;
  }

  private static List<String> texts(List<Map<String, Object>> rows, String column) {
    return rows.stream().map(r -> String.valueOf(r.get(column))).toList();
  }

  private static List<Double> numbers(List<Map<String, Object>> rows, String column) {
    return rows.stream()
        .map(r -> r.get(column) == null ? null : ((Number) r.get(column)).doubleValue())
        .toList();
  }
}
