package org.egovsuite.quality.report;

import java.util.List;
import java.util.Locale;

/** A metric's values over runs as a small inline SVG polyline (the last point marked). */
final class Sparkline {
  private static final int WIDTH = 90;
  private static final int HEIGHT = 18;

  private Sparkline() {}

  static String svg(List<Double> values) {
    if (values.size() < 2) {
      return values.isEmpty() ? "" : "<span class=\"meta\">first run</span>";
    }
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double span = max - min == 0 ? 1 : max - min;
    StringBuilder points = new StringBuilder();
    double lastX = 0;
    double lastY = 0;
    for (int i = 0; i < values.size(); i++) {
      lastX = 2 + i * (WIDTH - 4.0) / (values.size() - 1);
      lastY = HEIGHT - 2 - (values.get(i) - min) / span * (HEIGHT - 4.0);
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", lastX, lastY));
    }
    return String.format(Locale.ROOT, "<svg class=\"spark\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\""
        + " aria-label=\"%d runs\"><polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"1.5\" points=\"%s\"/>"
        + "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"#0969da\"/></svg>", WIDTH, HEIGHT, WIDTH, HEIGHT,
        values.size(), points.toString().trim(), lastX, lastY);
  }
}
