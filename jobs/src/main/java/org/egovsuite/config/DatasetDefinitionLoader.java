package org.egovsuite.config;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Parses and validates a dataset definition file; every failure names file, line and key. */
public final class DatasetDefinitionLoader {
  static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9_]*");
  public static final Set<String> STANDARDIZE_STEPS = Set.of("nfkc", "trim", "text", "cn_province", "cn_city", "country");
  static final Set<String> UNITS = Set.of("万", "亿", "%", "‰");
  private static final Set<String> KEYS = Set.of("name", "description", "format", "location", "encoding",
      "csv", "json", "xlsx", "null_values", "columns", "unpivot", "constants", "keys", "standardize", "flags",
      "unresolved", "compression", "parts");
  /** The standardisation steps that resolve names to codes (and may leave a value unresolved). */
  public static final Set<String> RESOLVERS = Set.of("country", "cn_province", "cn_city");

  private DatasetDefinitionLoader() {}

  public static DatasetDefinition load(Path file, Path home) {
    return load(file, home, null);
  }

  /** @param inputs base URI for relative locations (a profile's {@code inputs}); null: the home */
  public static DatasetDefinition load(Path file, Path home, String inputs) {
    YamlNode root = YamlFiles.read(file).requireOnlyKeys(KEYS);
    String name = snakeCase(root.require("name"));
    SourceFormat format = SourceFormatLoader.format(root);
    List<ColumnSpec> columns = columns(root.require("columns"));
    if (!format.header()) {
      requirePositions(root.require("columns"), columns, format);
      if (root.get("unpivot").isPresent()) {
        throw root.require("unpivot").error("unpivot finds its columns by header names; it needs csv.header: true");
      }
    }
    Unpivot unpivot = root.get("unpivot").map(DatasetDefinitionLoader::unpivot).orElse(null);
    Map<String, ConstantSpec> constants = constants(root);
    Set<String> names = new HashSet<>(columns.stream().map(ColumnSpec::name).toList());
    if (unpivot != null) {
      requireNew(root.require("unpivot"), names, unpivot.key().name());
      requireNew(root.require("unpivot"), names, unpivot.value().name());
    }
    for (String constant : constants.keySet()) {
      requireNew(root.require("constants"), names, constant);
    }
    List<String> keys = root.get("keys").map(YamlNode::asStringList).orElse(List.of());
    for (String key : keys) {
      if (!names.contains(key)) {
        throw root.require("keys").error("key column '" + key + "' is not a mapped column; mapped: "
            + String.join(", ", names.stream().sorted().toList()));
      }
    }
    Map<String, List<String>> standardize = standardize(root, names);
    List<DatasetPart> parts = parts(root, columns, home, inputs);
    if (root.get("location").isPresent() && !parts.isEmpty()) {
      throw root.error("give either 'location' or 'parts' (each with its own location), not both");
    }
    String location = parts.isEmpty() ? resolve(root.require("location").asString(), home, inputs) : parts.get(0).location();
    return new DatasetDefinition(
        name,
        root.string("description", ""),
        file.toString(),
        location,
        format,
        columns,
        root.get("null_values").map(YamlNode::asStringList).orElse(DatasetDefinition.DEFAULT_NULL_VALUES),
        unpivot,
        constants,
        keys,
        standardize,
        flags(root),
        unresolved(root, standardize),
        parts);
  }

  private static String resolve(String location, Path home, String inputs) {
    return inputs == null ? resolveLocation(location, home) : resolveLocation(location, inputs);
  }

  /** {@code parts: [{location, sources: {column: header text}}]}: one series from files whose headers changed. */
  private static List<DatasetPart> parts(YamlNode root, List<ColumnSpec> columns, Path home, String inputs) {
    List<DatasetPart> out = new ArrayList<>();
    Set<String> names = new HashSet<>(columns.stream().map(ColumnSpec::name).toList());
    for (YamlNode part : root.get("parts").map(YamlNode::items).orElse(List.of())) {
      part.requireOnlyKeys(Set.of("location", "sources"));
      Map<String, String> sources = new LinkedHashMap<>();
      part.get("sources").ifPresent(block -> block.entries().forEach((column, text) -> {
        if (!names.contains(column)) {
          throw text.error("unknown column '" + column + "'; columns: " + String.join(", ", names.stream().sorted().toList()));
        }
        sources.put(column, text.asString());
      }));
      out.add(new DatasetPart(resolve(part.require("location").asString(), home, inputs), sources));
    }
    return out;
  }

  /** {@code unresolved: {column: warn|quarantine|fail}}, only for columns with a resolving step. */
  private static Map<String, UnresolvedPolicy> unresolved(YamlNode root, Map<String, List<String>> standardize) {
    Map<String, UnresolvedPolicy> out = new LinkedHashMap<>();
    root.get("unresolved").ifPresent(block -> block.entries().forEach((column, policy) -> {
      if (standardize.getOrDefault(column, List.of()).stream().noneMatch(RESOLVERS::contains)) {
        throw policy.error("column '" + column + "' has no resolving step (country, cn_province, cn_city) in 'standardize'");
      }
      out.put(column, UnresolvedPolicy.parse(policy));
    }));
    return out;
  }

  /** Relative paths are taken from {@code base} (a URI or folder); URIs and absolute paths are kept. */
  static String resolveLocation(String location, String base) {
    if (location.contains("://") || location.startsWith("/")) {
      return location;
    }
    return base.replaceAll("/+$", "") + "/" + location;
  }

  /** Relative paths are taken from the project home; URIs (scheme://) and absolute paths are kept. */
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
      ColumnSpec column = column(item, true);
      if (!seen.add(column.name())) {
        throw item.require("name").error("column '" + column.name() + "' is mapped twice");
      }
      out.add(column);
    }
    if (out.isEmpty()) {
      throw node.error("at least one column must be mapped");
    }
    return out;
  }

  private static ColumnSpec column(YamlNode item, boolean needsSource) {
    item.requireOnlyKeys(needsSource ? Set.of("source", "name", "type", "formats", "units", "allow_non_finite")
        : Set.of("name", "type", "formats", "units", "allow_non_finite"));
    String name = snakeCase(item.require("name"));
    ColumnType type = item.get("type").map(ColumnType::parse).orElse(ColumnType.STRING);
    List<String> formats = item.get("formats").map(YamlNode::asStringList).orElse(List.of());
    if (type.temporal() && formats.isEmpty()) {
      throw item.error("a " + type.name().toLowerCase() + " column needs 'formats', e.g. [yyyy-MM-dd]");
    }
    item.get("formats").ifPresent(node -> formats.forEach(f -> {
      try {
        DateTimeFormatter.ofPattern(f);
      } catch (IllegalArgumentException e) {
        throw node.error("bad date pattern '" + f + "': " + e.getMessage());
      }
    }));
    List<String> units = item.get("units").map(YamlNode::asStringList).orElse(List.of());
    for (String unit : units) {
      if (!UNITS.contains(unit) || !type.numeric()) {
        throw item.require("units").error("unit '" + unit + "' needs a numeric column and one of 万, 亿, %, ‰");
      }
    }
    boolean nonFinite = item.get("allow_non_finite").map(YamlNode::asBoolean).orElse(false);
    if (nonFinite && type != ColumnType.DOUBLE) {
      throw item.require("allow_non_finite").error("allow_non_finite needs a double column, found "
          + type.name().toLowerCase());
    }
    String source = needsSource ? item.require("source").asString() : name;
    return new ColumnSpec(source, name, type, formats, units, nonFinite);
  }

  /** Without a header line a column is found by its 1-based position: {@code source: 3}. */
  private static void requirePositions(YamlNode node, List<ColumnSpec> columns, SourceFormat format) {
    if (!format.kind().equals("csv")) {
      return;
    }
    List<YamlNode> items = node.items();
    for (int i = 0; i < columns.size(); i++) {
      String source = columns.get(i).source();
      if (!source.matches("[1-9][0-9]{0,4}")) {
        throw items.get(i).require("source").error("with csv.header: false a column is found by its position: "
            + "source must be a number from 1, found '" + source + "'");
      }
    }
  }

  private static Unpivot unpivot(YamlNode node) {
    node.requireOnlyKeys(Set.of("columns", "key", "value"));
    String pattern = node.require("columns").asString();
    requireRegex(node.require("columns"), pattern);
    if (Pattern.compile(pattern).matcher("").groupCount() < 1) {
      throw node.require("columns").error("pattern needs a group for the key, e.g. '^(\\d{4})年$'");
    }
    return new Unpivot(pattern, column(node.require("key"), false), column(node.require("value"), false));
  }

  private static Map<String, ConstantSpec> constants(YamlNode root) {
    Map<String, ConstantSpec> out = new LinkedHashMap<>();
    root.get("constants").ifPresent(block -> block.entries().forEach((name, spec) -> {
      snakeCaseKey(spec, name);
      spec.requireOnlyKeys(Set.of("value", "from_header", "from_path", "type"));
      String literal = spec.get("value").map(YamlNode::asString).orElse(null);
      String pattern = spec.get("from_header").map(YamlNode::asString).orElse(null);
      String path = spec.get("from_path").map(YamlNode::asString).orElse(null);
      if ((literal != null ? 1 : 0) + (pattern != null ? 1 : 0) + (path != null ? 1 : 0) != 1) {
        throw spec.error("give one of 'value', 'from_header' (a pattern with one group, matched above the header)"
            + " or 'from_path' (a pattern with a group named value, or one group, found in the file's path)");
      }
      if (pattern != null) {
        requireRegex(spec.require("from_header"), pattern);
      }
      if (path != null) {
        requireRegex(spec.require("from_path"), path);
        if (Pattern.compile(path).matcher("").groupCount() < 1) {
          throw spec.require("from_path").error("pattern needs a group for the value, e.g. 'egdi-(?<value>\\d{4})\\.csv'");
        }
      }
      ColumnType type = spec.get("type").map(ColumnType::parse).orElse(ColumnType.STRING);
      if (type.temporal()) {
        throw spec.require("type").error("a constant is text or a number; dates are read from columns");
      }
      out.put(name, new ConstantSpec(literal, pattern, path, type));
    }));
    return out;
  }

  private static Map<String, List<String>> standardize(YamlNode root, Set<String> names) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (root.get("standardize").isEmpty()) {
      return out;
    }
    for (Map.Entry<String, YamlNode> e : root.require("standardize").entries().entrySet()) {
      if (!names.contains(e.getKey())) {
        throw e.getValue().error("unknown column '" + e.getKey() + "'; columns: "
            + String.join(", ", names.stream().sorted().toList()));
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
      snakeCaseKey(cond, flag);
      out.put(flag, cond.asString());
    }));
    return out;
  }

  private static void requireNew(YamlNode node, Set<String> names, String name) {
    if (!names.add(name)) {
      throw node.error("column '" + name + "' is defined twice");
    }
  }

  static void requireRegex(YamlNode node, String pattern) {
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw node.error("bad regular expression '" + pattern + "': " + e.getDescription());
    }
  }

  private static void snakeCaseKey(YamlNode node, String name) {
    if (!SNAKE_CASE.matcher(name).matches()) {
      throw node.error("'" + name + "' must be snake_case (lower-case letters, digits, _)");
    }
  }

  static String snakeCase(YamlNode node) {
    String value = node.asString();
    if (!SNAKE_CASE.matcher(value).matches()) {
      throw node.error("'" + value + "' must be snake_case (lower-case letters, digits, _)");
    }
    return value;
  }
}
