package org.egovsuite.publish.brief;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Inline SVG charts beside the sentences (no script, no request): the band distribution. */
final class BriefCharts {
  private BriefCharts() {}

  /** One bar per band: its share of the units, labelled with the share and count. */
  @SuppressWarnings("unchecked")
  static String bands(Map<String, Object> figures) {
    List<Map<String, Object>> bands = (List<Map<String, Object>>) figures.get("bands");
    int width = 360;
    int row = 26;
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg class=\"chart\" width=\"%d\" height=\"%d\""
        + " role=\"img\" aria-label=\"band shares\">", width, row * bands.size() + 6));
    for (int i = 0; i < bands.size(); i++) {
      Map<String, Object> b = bands.get(i);
      double share = Double.parseDouble(String.valueOf(b.get("share")));
      int length = (int) Math.round(share / 100 * (width - 150));
      svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" class=\"label\">%s</text><rect x=\"60\" y=\"%d\""
          + " width=\"%d\" height=\"16\" fill=\"#3b6ea5\"/><text x=\"%d\" y=\"%d\" class=\"label\">%s%% (%s)</text>",
          i * row + 17, escapeHtml4(String.valueOf(b.get("band"))), i * row + 4, length, 66 + length, i * row + 17,
          b.get("share"), b.get("count")));
    }
    return svg.append("</svg>").toString();
  }
}
