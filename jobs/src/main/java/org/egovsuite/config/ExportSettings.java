package org.egovsuite.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the spreadsheet exports of the summary tables are laid out ({@code exports:} in the pipeline
 * file): which header rows each file gets, in order — {@code zh} the column's Chinese meaning from
 * the data dictionary, {@code en} its English meaning, {@code names} the column names a program
 * reads.
 *
 * @param csvHeaders header rows of each CSV file (default: names, so programs read it as is)
 * @param workbookHeaders header rows of the rounded workbook's sheets (default: Chinese, then
 *     names)
 * @param briefLanguages the languages of the brief {@code run} writes at its end ({@code brief:};
 *     default zh and en; an empty list writes none)
 * @param briefPdf whether the brief is also printed to PDF ({@code brief_pdf:}; default true, when
 *     headless Chromium is installed): false writes the HTML only, without the warning an absent
 *     Chromium gives — for machines that never print, and for runs whose brief nobody prints (each
 *     PDF is a Chromium start, ~1.5 s)
 */
public record ExportSettings(
    List<Header> csvHeaders,
    List<Header> workbookHeaders,
    List<String> briefLanguages,
    boolean briefPdf) {
  public enum Header {
    ZH,
    EN,
    NAMES
  }

  public static final ExportSettings DEFAULT =
      new ExportSettings(
          List.of(Header.NAMES), List.of(Header.ZH, Header.NAMES), List.of("zh", "en"), true);

  public ExportSettings {
    csvHeaders = List.copyOf(csvHeaders);
    workbookHeaders = List.copyOf(workbookHeaders);
    briefLanguages = List.copyOf(briefLanguages);
  }

  static ExportSettings load(YamlNode root) {
    return root.get("exports")
        .map(
            node -> {
              node.requireOnlyKeys(Set.of("csv_headers", "workbook_headers", "brief", "brief_pdf"));
              return new ExportSettings(
                  headers(node, "csv_headers", DEFAULT.csvHeaders()),
                  headers(node, "workbook_headers", DEFAULT.workbookHeaders()),
                  languages(node),
                  node.get("brief_pdf").map(YamlNode::asBoolean).orElse(DEFAULT.briefPdf()));
            })
        .orElse(DEFAULT);
  }

  private static List<String> languages(YamlNode node) {
    if (node.get("brief").isEmpty()) {
      return DEFAULT.briefLanguages();
    }
    List<String> out = new ArrayList<>();
    for (YamlNode item : node.require("brief").items()) {
      String lang = item.asString().trim().toLowerCase(Locale.ROOT);
      if (!DEFAULT.briefLanguages().contains(lang)) {
        throw item.error("no brief template for language '" + item.asString() + "'; valid: zh, en");
      }
      out.add(lang);
    }
    return out;
  }

  private static List<Header> headers(YamlNode node, String key, List<Header> fallback) {
    if (node.get(key).isEmpty()) {
      return fallback;
    }
    List<Header> out = new ArrayList<>();
    for (YamlNode item : node.require(key).items()) {
      try {
        out.add(Header.valueOf(item.asString().trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw item.error("unknown header row '" + item.asString() + "'; valid: zh, en, names");
      }
    }
    if (out.isEmpty()) {
      throw node.require(key).error("at least one header row: zh, en or names");
    }
    return out;
  }
}
