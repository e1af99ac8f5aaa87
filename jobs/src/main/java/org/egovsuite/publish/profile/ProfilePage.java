package org.egovsuite.publish.profile;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * A place's profile as one self-contained HTML page (inline style, inline SVG bars, no request to
 * any other resource), Chinese first with English beside it; numbers rounded half-up to 2 decimals
 * as the report prints them. Also the same profile as console text.
 */
public final class ProfilePage {
  private ProfilePage() {}

  /**
   * @param map the outlines for a locator map of each section's unit, if the home has them
   */
  public static String html(PlaceProfile profile, java.util.Optional<ChinaMap> map) {
    StringBuilder out = new StringBuilder(8_192);
    String name = profile.sections().get(0).unitName();
    out.append("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">\n<title>")
        .append(escapeHtml4(name))
        .append(" 概况 profile</title>\n<style>")
        .append(STYLE)
        .append("</style></head>\n")
        .append("<body>\n<h1>")
        .append(escapeHtml4(name))
        .append(" <span class=\"en\">profile / 概况</span></h1>\n")
        .append("<p class=\"meta\">from the published tables (main of each) · generated ")
        .append(escapeHtml4(profile.generatedAt()))
        .append("</p>\n");
    for (PlaceProfile.Section s : profile.sections()) {
      out.append(section(s, map.map(m -> m.highlighting(s.unit())).orElse("")));
    }
    return out.append(
            "<script>document.body.setAttribute('data-ready','true');</script>\n</body></html>\n")
        .toString();
  }

  private static String section(PlaceProfile.Section s, String map) {
    StringBuilder out =
        new StringBuilder("<section id=\"")
            .append(escapeHtml4(s.table()))
            .append("\">\n<h2>")
            .append(escapeHtml4(s.titleZh()))
            .append(" <span class=\"en\">")
            .append(escapeHtml4(s.titleEn()))
            .append("</span></h2>\n");
    if (s.synthetic() != null) {
      out.append(
              "<p class=\"synthetic\">合成数据 SYNTHETIC DATA: computed from data that is not real, not for"
                  + " citation as fact / 由非真实数据计算，不可作为事实引用 — ")
          .append(escapeHtml4(s.synthetic()))
          .append("</p>\n");
    }
    out.append("<p class=\"meta\">table <code>egov.")
        .append(escapeHtml4(s.table()))
        .append("</code> · snapshot ")
        .append(s.snapshotId())
        .append(" · unit ")
        .append(escapeHtml4(s.unitName()))
        .append(" (")
        .append(escapeHtml4(s.unit()))
        .append(")</p>\n");
    if (!map.isEmpty()) {
      out.append("<figure class=\"map\">")
          .append(map)
          .append(
              "<figcaption>outlines: echarts 4.9.0 (Apache-2.0),"
                  + " not a map of record</figcaption></figure>\n");
    }
    out.append("<p class=\"headline\">").append(escapeHtml4(headline(s))).append("</p>\n");
    out.append(
        "<table><thead><tr><th>时期 period</th><th>数值 value</th><th>排名 rank</th><th>等级 band</th>"
            + "<th>均值 mean</th><th>与均值差 vs mean</th><th>排名变化 rank change</th></tr></thead><tbody>\n");
    for (PlaceProfile.Period p : s.periods()) {
      out.append("<tr><td>")
          .append(escapeHtml4(p.period()))
          .append("</td><td class=\"num\">")
          .append(fixed(p.value()))
          .append("</td><td class=\"num\">")
          .append(p.rank() == null ? "–" : p.rank() + " / " + p.units())
          .append("</td><td>")
          .append(p.band() == null ? "–" : escapeHtml4(p.band()))
          .append("</td><td class=\"num\">")
          .append(fixed(p.mean()))
          .append("</td><td class=\"num\">")
          .append(signed(p.diffFromMeanPct(), "%"))
          .append("</td><td class=\"num\">")
          .append(p.rankChange() == null ? "–" : String.format(Locale.ROOT, "%+d", p.rankChange()))
          .append("</td></tr>\n");
    }
    out.append("</tbody></table>\n");
    if (!s.parts().isEmpty()) {
      out.append("<h3>各维度与全国均值 <span class=\"en\">parts against the mean of all units, ")
          .append(escapeHtml4(s.latest().period()))
          .append("</span></h3>\n<p>")
          .append(escapeHtml4(strengths(s)))
          .append(
              "</p>\n<table class=\"parts\"><thead><tr><th>维度 part</th><th>得分 score</th><th>均值 mean</th>"
                  + "<th>差 difference</th><th></th></tr></thead><tbody>\n");
      double widest =
          s.parts().stream()
              .filter(p -> p.diff() != null)
              .mapToDouble(p -> Math.abs(p.diff()))
              .max()
              .orElse(1);
      for (PlaceProfile.Part p : s.parts()) {
        out.append("<tr><td>")
            .append(escapeHtml4(p.titleZh()))
            .append(" <span class=\"en\">")
            .append(escapeHtml4(p.titleEn()))
            .append("</span></td><td class=\"num\">")
            .append(fixed(p.score()))
            .append("</td><td class=\"num\">")
            .append(fixed(p.mean()))
            .append("</td><td class=\"num\">")
            .append(signed(p.diff(), ""))
            .append("</td><td>")
            .append(bar(p.diff(), widest))
            .append("</td></tr>\n");
      }
      out.append("</tbody></table>\n");
    }
    if (s.latest().band() != null) {
      out.append("<p>同为“")
          .append(escapeHtml4(s.latest().band()))
          .append("”等级 <span class=\"en\">peers in its band, ")
          .append(escapeHtml4(s.latest().period()))
          .append("</span>: ")
          .append(s.peers().isEmpty() ? "无 none" : escapeHtml4(String.join("、", s.peers())))
          .append("</p>\n");
    }
    out.append("<p class=\"caveats\">数据说明 <span class=\"en\">caveats</span>: ")
        .append(
            s.caveats().isEmpty() && s.synthetic() == null
                ? "every input passed its quality rules"
                : escapeHtml4(
                    String.join(
                        "; ",
                        s.caveats().isEmpty()
                            ? List.of("synthetic inputs, see above")
                            : s.caveats())))
        .append("</p>\n</section>\n");
    return out.toString();
  }

  /** "2015: 92.46, rank 1 of 32, band 非常高, +20.89% vs the mean 76.48". */
  static String headline(PlaceProfile.Section s) {
    PlaceProfile.Period p = s.latest();
    StringBuilder out = new StringBuilder(p.period()).append(": ").append(fixed(p.value()));
    if (p.rank() != null) {
      out.append(", rank ").append(p.rank()).append(" of ").append(p.units());
    }
    if (p.band() != null) {
      out.append(", band ").append(p.band());
    }
    if (p.diffFromMeanPct() != null && p.mean() != null) {
      out.append(", ")
          .append(signed(p.diffFromMeanPct(), "%"))
          .append(" vs the mean ")
          .append(fixed(p.mean()));
    }
    return out.toString();
  }

  /** "Strongest: guide accuracy 办事指南准确性 (+18.26); weakest: interactivity 在线服务交互性 (+14.19)". */
  static String strengths(PlaceProfile.Section s) {
    List<PlaceProfile.Part> known = s.parts().stream().filter(p -> p.diff() != null).toList();
    if (known.isEmpty()) {
      return "";
    }
    PlaceProfile.Part best = known.get(0);
    PlaceProfile.Part worst = known.get(known.size() - 1);
    return "相对较强 strongest: "
        + best.titleZh()
        + " "
        + best.titleEn()
        + " ("
        + signed(best.diff(), "")
        + ")"
        + "; 相对较弱 weakest: "
        + worst.titleZh()
        + " "
        + worst.titleEn()
        + " ("
        + signed(worst.diff(), "")
        + ")";
  }

  /** The profile for the console: the headline, parts and peers of each section. */
  public static String text(PlaceProfile profile) {
    StringBuilder out = new StringBuilder();
    for (PlaceProfile.Section s : profile.sections()) {
      out.append(String.format("%n%s / %s (egov.%s)%n", s.titleZh(), s.titleEn(), s.table()));
      if (s.synthetic() != null) {
        out.append("  SYNTHETIC DATA 合成数据: ").append(s.synthetic()).append('\n');
      }
      out.append("  ").append(s.unitName()).append(' ').append(headline(s)).append('\n');
      if (!s.parts().isEmpty()) {
        out.append("  ").append(strengths(s)).append('\n');
      }
      if (s.latest().band() != null) {
        out.append("  peers in ")
            .append(s.latest().band())
            .append(": ")
            .append(s.peers().isEmpty() ? "none" : String.join("、", s.peers()))
            .append('\n');
      }
      s.caveats().forEach(c -> out.append("  caveat: ").append(c).append('\n'));
    }
    return out.toString();
  }

  /**
   * Half-up to 2 decimals from the value's shortest decimal form, as the report rounds (40.625 →
   * 40.63).
   */
  static String fixed(Double v) {
    return v == null
        ? "–"
        : new BigDecimal(Double.toString(v)).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  static String signed(Double v, String unit) {
    if (v == null) {
      return "–";
    }
    String digits = fixed(v);
    return (v >= 0 ? "+" : "") + digits + unit;
  }

  private static String bar(Double diff, double widest) {
    if (diff == null) {
      return "";
    }
    int half = 60;
    int length = (int) Math.round(Math.abs(diff) / (widest == 0 ? 1 : widest) * half);
    int x = diff >= 0 ? half : half - length;
    return String.format(
        Locale.ROOT,
        "<svg width=\"%d\" height=\"12\" role=\"img\" aria-label=\"%s\"><line x1=\"%d\""
            + " x2=\"%d\" y1=\"0\" y2=\"12\" stroke=\"#888\"/><rect x=\"%d\" y=\"2\" width=\"%d\" height=\"8\" fill=\"%s\"/>"
            + "</svg>",
        2 * half,
        signed(diff, ""),
        half,
        half,
        x,
        length,
        diff >= 0 ? "#1a7f37" : "#cf222e");
  }

  private static final String STYLE =
      """
      body{font:15px/1.5 "Noto Sans CJK SC","Noto Sans SC",system-ui,sans-serif;margin:1.5rem;color:#1d2433;max-width:60rem}
      h1{margin:0 0 .2rem}h2{margin:2rem 0 .3rem;font-size:1.25rem}h3{font-size:1rem;margin:1rem 0 .2rem}
      .en{color:#5b6475;font-weight:400;font-size:.85em}.meta{color:#5b6475;margin:.2rem 0 .6rem}
      .headline{font-size:1.1rem;font-weight:600}
      .synthetic{background:#fff4f2;border-left:4px solid #cf222e;padding:.4rem .6rem;color:#8a1c16}
      table{border-collapse:collapse;margin:.3rem 0 .8rem}
      th,td{border-bottom:1px solid #e2e5ea;padding:.2rem .5rem;text-align:left}
      th{background:#f4f6f9;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
      .caveats{color:#5b6475}
      figure.map{float:right;margin:0 0 .5rem 1rem}figure.map figcaption{font-size:.7rem;color:#5b6475}
      section{clear:both}
      """;
}
