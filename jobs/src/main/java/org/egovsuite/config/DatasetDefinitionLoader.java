package org.egovsuite.config;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses and validates a dataset definition file; every failure names file, line and key. */
public final class DatasetDefinitionLoader {
  static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9_]*");
  static final Set<String> STANDARDIZE_STEPS = Set.of("nfkc", "trim");
  private static final Set<String> KEYS = Set.of("name", "description", "format", "location",
      "encoding", "delimiter", "skip_lines", "columns", "keys", "standardize", "flags");

  private DatasetDefinitionLoader() {}

  public static DatasetDefinition load(Path file, Path home) {
    YamlNode root = YamlFiles.read(file).requireOnlyKeys(KEYS);
    String name = snakeCase(root.require("name"));
    String format = root.string("format", "csv");
    if (!format.equals("csv")) {
      throw root.require("format").error("unsupported format '" + format + "'; valid formats: csv");
    }
    List<ColumnSpec> columns = columns(root.require("columns"));
    Set<String> names = new HashSet<>(columns.stream().map(ColumnSpec::name).toList());
    List<String> keys = root.get("keys").map(YamlNode::asStringList).orElse(List.of());
    for (String key : keys) {
      if (!names.contains(key)) {
        throw root.require("keys").error("key column '" + key + "' is not a mapped column; mapped: "
            + String.join(", ", names));
      }
    }
    return new DatasetDefinition(
        name,
        root.string("description", ""),
        file.toString(),
        resolveLocation(root.require("location").asString(), home),
        encoding(root),
        delimiter(root),
        (int) root.get("skip_lines").map(YamlNode::asLong).orElse(0L).longValue(),
        columns,
        keys,
        standardize(root, names),
        flags(root));
  }

  /** Relative paths are taken from the project home; URIs (scheme://) are left alone. */
  static String resolveLocation(String location, Path home) {
    if (location.contains("://") || location.startsWith("/")) {
      return location;
    }
    return home.resolve(location).normalize().toString();
  }

  private static List<ColumnSpec> columns(YamlNode node) {
    List<ColumnSpec> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlNode item : node.items()) {
      item.requireOnlyKeys(Set.of("source", "name", "type"));
      String name = snakeCase(item.require("name"));
      if (!seen.add(name)) {
        throw item.require("name").error("column '" + name + "' is mapped twice");
      }
      ColumnType type = item.get("type").map(ColumnType::parse).orElse(ColumnType.STRING);
      out.add(new ColumnSpec(item.require("source").asString(), name, type));
    }
    if (out.isEmpty()) {
      throw node.error("at least one column must be mapped");
    }
    return out;
  }

  private static String encoding(YamlNode root) {
    String encoding = root.string("encoding", "utf-8");
    try {
      Charset.forName(encoding);
      return encoding;
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw root.require("encoding").error("unknown encoding '" + encoding
          + "'; use a Java charset name such as utf-8, gbk, gb18030, utf-16");
    }
  }

  private static char delimiter(YamlNode root) {
    String d = root.string("delimiter", ",");
    if (d.length() != 1) {
      throw root.require("delimiter").error("delimiter must be one character, found '" + d + "'");
    }
    return d.charAt(0);
  }

  private static Map<String, List<String>> standardize(YamlNode root, Set<String> names) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (root.get("standardize").isEmpty()) {
      return out;
    }
    for (Map.Entry<String, YamlNode> e : root.require("standardize").entries().entrySet()) {
      if (!names.contains(e.getKey())) {
        throw e.getValue().error("unknown column '" + e.getKey() + "'; mapped columns: "
            + String.join(", ", names));
      }
      List<String> steps = e.getValue().asStringList();
      for (String step : steps) {
        if (!STANDARDIZE_STEPS.contains(step)) {
          throw e.getValue().error("unknown step '" + step + "'; valid steps: "
              + String.join(", ", STANDARDIZE_STEPS.stream().sorted().toList()));
        }
      }
      out.put(e.getKey(), steps);
    }
    return out;
  }

  private static Map<String, String> flags(YamlNode root) {
    Map<String, String> out = new LinkedHashMap<>();
    root.get("flags").ifPresent(flags -> flags.entries().forEach((flag, cond) -> {
      if (!SNAKE_CASE.matcher(flag).matches()) {
        throw cond.error("flag name '" + flag + "' must be snake_case");
      }
      out.put(flag, cond.asString());
    }));
    return out;
  }

  static String snakeCase(YamlNode node) {
    String value = node.asString();
    if (!SNAKE_CASE.matcher(value).matches()) {
      throw node.error("'" + value + "' must be snake_case (lower-case letters, digits, _)");
    }
    return value;
  }
}
