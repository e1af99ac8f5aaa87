package org.egovsuite.config;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Set;

/**
 * Reads how a dataset's files are laid out (format, encoding, compression, csv/json/xlsx options).
 */
final class SourceFormatLoader {
  private static final Set<String> FORMATS = Set.of("csv", "json", "xlsx", "parquet");

  private SourceFormatLoader() {}

  static SourceFormat format(YamlNode root) {
    String kind = root.string("format", "csv");
    if (!FORMATS.contains(kind)) {
      throw root.require("format")
          .error("unsupported format '" + kind + "'; valid formats: csv, json, xlsx, parquet");
    }
    for (String other : FORMATS) {
      if (!other.equals(kind) && root.get(other).isPresent()) {
        throw root.require(other).error("'" + other + "' options given for a " + kind + " dataset");
      }
    }
    String encoding = encoding(root);
    YamlNode csv = root.get("csv").orElse(null);
    if (csv != null) {
      csv.requireOnlyKeys(
          Set.of("delimiter", "quote", "skip_lines", "footer", "multiline", "header"));
    }
    YamlNode json = root.get("json").orElse(null);
    if (json != null) {
      json.requireOnlyKeys(Set.of("layout"));
      String layout = json.string("layout", "lines");
      if (!Set.of("lines", "array", "entries").contains(layout)) {
        throw json.require("layout")
            .error("unknown json layout '" + layout + "'; valid: lines, array, entries");
      }
    }
    YamlNode xlsx = root.get("xlsx").orElse(null);
    if (xlsx != null) {
      xlsx.requireOnlyKeys(Set.of("sheet", "header_row"));
    }
    List<String> footer =
        csv == null ? List.of() : csv.get("footer").map(YamlNode::asStringList).orElse(List.of());
    if (csv != null) {
      csv.get("footer")
          .ifPresent(node -> footer.forEach(p -> DatasetDefinitionLoader.requireRegex(node, p)));
    }
    String compression = root.string("compression", "auto");
    if (!SourceFormat.COMPRESSIONS.contains(compression)) {
      throw root.require("compression")
          .error(
              "unknown compression '"
                  + compression
                  + "'; valid: "
                  + String.join(", ", SourceFormat.COMPRESSIONS.stream().sorted().toList()));
    }
    int headerRow =
        xlsx == null
            ? 1
            : (int) xlsx.get("header_row").map(YamlNode::asLong).orElse(1L).longValue();
    if (headerRow < 1) {
      throw xlsx.require("header_row").error("header_row is 1-based, found " + headerRow);
    }
    return new SourceFormat(
        kind,
        encoding,
        character(csv, "delimiter", ','),
        character(csv, "quote", '"'),
        csv == null ? 0 : (int) csv.get("skip_lines").map(YamlNode::asLong).orElse(0L).longValue(),
        footer,
        csv != null && csv.get("multiline").map(YamlNode::asBoolean).orElse(false),
        json == null ? "lines" : json.string("layout", "lines"),
        xlsx == null ? "" : xlsx.string("sheet", ""),
        headerRow,
        compression,
        csv == null || csv.get("header").map(YamlNode::asBoolean).orElse(true));
  }

  private static char character(YamlNode block, String key, char defaultValue) {
    if (block == null || block.get(key).isEmpty()) {
      return defaultValue;
    }
    String d = block.require(key).asString();
    if (d.equals("\\t")) {
      return '\t';
    }
    if (d.length() != 1) {
      throw block.require(key).error(key + " must be one character, found '" + d + "'");
    }
    return d.charAt(0);
  }

  private static String encoding(YamlNode root) {
    String encoding = root.string("encoding", "utf-8");
    if (encoding.equals("auto")) {
      return encoding;
    }
    try {
      Charset.forName(encoding);
      return encoding;
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw root.require("encoding")
          .error(
              "unknown encoding '"
                  + encoding
                  + "'; use auto or a Java charset name such as utf-8, gbk, gb18030, utf-16");
    }
  }
}
