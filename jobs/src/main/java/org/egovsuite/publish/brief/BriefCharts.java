package org.egovsuite.publish.brief;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Inline SVG charts beside the sentences (no script, no request, text in the page's font so CJK
 * glyphs render as the sentences do): horizontal bars with their values, a scatter with the fitted
 * line, and the band distribution of a ranked indicator. Figures are printed as the sentences print
 * them ({@link Numbers}).
 */
final class BriefCharts {
  private static final String BAR = "#3b6ea5";
  private static final int ROW = 24;

  private BriefCharts() {}

  /** One bar per band: its share of the units, labelled with the share and count. */
  @SuppressWarnings("unchecked")
  static String bands(Map<String, Object> figures) {
    List<Map<String, Object>> bands = (List<Map<String, Object>>) figures.get("bands");
    List<String> labels = bands.stream().map(b -> String.valueOf(b.get("band"))).toList();
    List<Double> shares =
        bands.stream().map(b -> Double.parseDouble(String.valueOf(b.get("share")))).toList();
    List<String> texts =
        bands.stream().map(b -> b.get("share") + "% (" + b.get("count") + ")").toList();
    return bars("band shares", labels, shares, texts, 100);
  }

  /**
   * One bar per row, longest for the largest value, each labelled with its value as the sentences
   * print it.
   */
  static String bars(
      String name, List<String> labels, List<Double> values, List<String> texts, double max) {
    int labelWidth = 12 + labels.stream().mapToInt(BriefCharts::width).max().orElse(40);
    int barSpace = 260;
    int width = labelWidth + barSpace + 80;
    StringBuilder svg = open(name, width, ROW * labels.size() + 6);
    double top = max > 0 ? max : values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    for (int i = 0; i < labels.size(); i++) {
      int length = (int) Math.round(Math.max(0, values.get(i)) / top * barSpace);
      int y = i * ROW;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"label\">%s</text>"
                  + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"15\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%d\" class=\"label\">%s</text>",
              labelWidth - 6,
              y + 16,
              escapeHtml4(labels.get(i)),
              labelWidth,
              y + 4,
              length,
              BAR,
              labelWidth + length + 5,
              y + 16,
              escapeHtml4(texts.get(i))));
    }
    return svg.append("</svg>").toString();
  }

  /**
   * Points at (x, y) with their labels, axes with five ticks each, and the fitted line through the
   * fitted values given per point (drawn between the smallest and largest x).
   */
  static String scatter(
      String name, List<String> labels, List<Double> xs, List<Double> ys, List<Double> fitted) {
    int width = 560;
    int height = 340;
    int left = 56;
    int bottom = 36;
    double[] xr = range(xs);
    double[] yr = range(ys);
    StringBuilder svg = open(name, width, height);
    Axis x = new Axis(xr[0], xr[1], left, width - 20);
    Axis y = new Axis(yr[0], yr[1], height - bottom, 12);
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#8b949e\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#8b949e\"/>",
            left,
            height - bottom,
            width - 20,
            height - bottom,
            left,
            12,
            left,
            height - bottom));
    for (int i = 0; i <= 4; i++) {
      double xv = xr[0] + (xr[1] - xr[0]) * i / 4;
      double yv = yr[0] + (yr[1] - yr[0]) * i / 4;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"tick\">%s</text>"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" class=\"tick\">%s</text>",
              x.at(xv),
              height - bottom + 16,
              tick(xv),
              left - 4,
              y.at(yv) + 4,
              tick(yv)));
    }
    List<double[]> line = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      if (fitted.get(i) != null) {
        line.add(new double[] {xs.get(i), fitted.get(i)});
      }
    }
    line.sort((a, b) -> Double.compare(a[0], b[0]));
    if (line.size() >= 2) {
      double[] a = line.get(0);
      double[] b = line.get(line.size() - 1);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"fitted\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                  + "stroke=\"#cf222e\" stroke-width=\"1.5\" stroke-dasharray=\"6 3\"/>",
              x.at(a[0]),
              y.at(a[1]),
              x.at(b[0]),
              y.at(b[1])));
    }
    for (int i = 0; i < xs.size(); i++) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\" fill-opacity=\"0.8\">"
                  + "<title>%s</title></circle><text x=\"%.1f\" y=\"%.1f\" class=\"point\">%s</text>",
              x.at(xs.get(i)),
              y.at(ys.get(i)),
              BAR,
              escapeHtml4(labels.get(i)),
              x.at(xs.get(i)) + 4,
              y.at(ys.get(i)) - 4,
              escapeHtml4(labels.get(i))));
    }
    return svg.append("</svg>").toString();
  }

  /** A linear axis mapping [low, high] onto the pixels [from, to]. */
  private record Axis(double low, double high, double from, double to) {
    double at(double v) {
      return from + (v - low) / (high - low) * (to - from);
    }
  }

  private static double[] range(List<Double> values) {
    double low = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double high = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    double pad = high > low ? (high - low) * 0.05 : 1;
    return new double[] {low - pad, high + pad};
  }

  private static String tick(double v) {
    double a = Math.abs(v);
    return a >= 1000
        ? String.format(Locale.ROOT, "%,.0f", v)
        : a >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private static StringBuilder open(String name, int width, int height) {
    return new StringBuilder(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " role=\"img\" aria-label=\"%s\">",
            width,
            height,
            width,
            height,
            escapeHtml4(name)));
  }

  /** Roughly the pixel width of a label at 12px: CJK characters full width, others half. */
  private static int width(String text) {
    return text.codePoints().map(c -> Character.isIdeographic(c) || c > 0x2E80 ? 12 : 7).sum();
  }
}
