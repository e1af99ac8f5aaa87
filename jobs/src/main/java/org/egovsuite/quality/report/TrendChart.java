package org.egovsuite.quality.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A metric's values over the last runs as a small inline SVG: one labelled point per run, the
 * rule's bounds as dashed red lines with their values, the first and last values written beside the
 * line, and every value in the tooltip, so the chart is read without guessing a scale.
 */
final class TrendChart {
  private static final int WIDTH = 200;
  private static final int HEIGHT = 46;
  private static final int LEFT = 44;
  private static final int RIGHT = 40;
  private static final int PAD = 6;

  private TrendChart() {}

  static String svg(List<Double> values, Double lowest, Double highest) {
    if (values.isEmpty()) {
      return "<span class=\"meta\">no value</span>";
    }
    List<Double> scale = new ArrayList<>(values);
    if (lowest != null && Double.isFinite(lowest)) {
      scale.add(lowest);
    }
    if (highest != null && Double.isFinite(highest)) {
      scale.add(highest);
    }
    double min = scale.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = scale.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double span = max - min == 0 ? Math.max(Math.abs(max), 1) * 0.1 : max - min;
    min -= span * 0.05;
    max += span * 0.05;
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "<svg class=\"trend\" width=\"%d\" height=\"%d\""
                    + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\"><title>%s</title>",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT,
                escapeHtml4(caption(values)),
                escapeHtml4(caption(values))));
    for (Double bound : new Double[] {lowest, highest}) {
      if (bound != null && Double.isFinite(bound)) {
        double y = y(bound, min, max);
        out.append(
            String.format(
                Locale.ROOT,
                "<line class=\"bound\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\""
                    + " stroke=\"#cf222e\" stroke-dasharray=\"3 2\"/><text x=\"%d\" y=\"%.1f\" class=\"axis\" fill=\"#cf222e\""
                    + " text-anchor=\"end\">%s</text>",
                LEFT,
                WIDTH - RIGHT,
                y,
                y,
                LEFT - 3,
                y + 3,
                number(bound)));
      }
    }
    StringBuilder points = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      double x = x(i, values.size());
      double y = y(values.get(i), min, max);
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      dots.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.2\" fill=\"#0969da\"><title>run %d"
                  + " of %d: %s</title></circle>",
              x,
              y,
              i + 1,
              values.size(),
              number(values.get(i))));
    }
    if (values.size() > 1) {
      out.append("<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"1.5\" points=\"")
          .append(points.toString().trim())
          .append("\"/>");
    }
    out.append(dots);
    double last = values.get(values.size() - 1);
    out.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%.1f\" class=\"axis\" fill=\"#0969da\">%s</text>",
            WIDTH - RIGHT + 4,
            y(last, min, max) + 3,
            number(last)));
    return out.append("</svg>").toString();
  }

  /** "3 runs: 0.973, 0.973, 0.981" — the values for the tooltip and screen readers. */
  static String caption(List<Double> values) {
    return values.size()
        + (values.size() == 1 ? " run: " : " runs: ")
        + String.join(", ", values.stream().map(TrendChart::number).toList());
  }

  private static double x(int i, int n) {
    return n == 1
        ? (LEFT + WIDTH - RIGHT) / 2.0
        : LEFT + 4 + i * (WIDTH - RIGHT - LEFT - 8.0) / (n - 1);
  }

  private static double y(double v, double min, double max) {
    return HEIGHT - PAD - (v - min) / (max - min) * (HEIGHT - 2.0 * PAD);
  }

  /**
   * Whole numbers as counts, shares to three decimals (0.973), other values to four significant
   * digits.
   */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    return Math.abs(v) <= 1
        ? String.format(Locale.ROOT, "%.3f", v)
        : String.format(Locale.ROOT, "%.4g", v);
  }
}
