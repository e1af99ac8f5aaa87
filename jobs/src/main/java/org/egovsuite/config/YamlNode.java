package org.egovsuite.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A read-only view of a SnakeYAML node that remembers its file, line and key path, so that every
 * validation message can say exactly where the problem is ("conf/x.yaml:12 key 'columns[2].type':
 * unknown type 'flaot'; valid: int, long, double, string").
 *
 * <p>We compose SnakeYAML's node graph instead of loading plain maps because plain maps lose the
 * line numbers.
 */
public final class YamlNode {
  private final String file;
  private final String path;
  private final Node node;

  YamlNode(String file, String path, Node node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  public String file() {
    return file;
  }

  public String path() {
    return path;
  }

  /** 1-based line of this node in its file. */
  public int line() {
    return node.getStartMark().getLine() + 1;
  }

  /** "file:line key 'path'" — the location prefix of every message about this node. */
  public String where() {
    return file + ":" + line() + (path.isEmpty() ? "" : " key '" + path + "'");
  }

  public ConfigException error(String message) {
    return new ConfigException(where() + ": " + message);
  }

  public boolean isMapping() {
    return node instanceof MappingNode;
  }

  public boolean isSequence() {
    return node instanceof SequenceNode;
  }

  public boolean isScalar() {
    return node instanceof ScalarNode;
  }

  /** Entries of a mapping, in file order. */
  public Map<String, YamlNode> entries() {
    if (!(node instanceof MappingNode mapping)) {
      throw error("expected a mapping (key: value lines)");
    }
    Map<String, YamlNode> out = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw new YamlNode(file, path, tuple.getKeyNode()).error("keys must be plain names");
      }
      YamlNode value = new YamlNode(file, child(key.getValue()), tuple.getValueNode());
      if (out.put(key.getValue(), value) != null) {
        throw value.error("duplicate key '" + key.getValue() + "'");
      }
    }
    return out;
  }

  /** Fails naming the first key that is not in {@code allowed}. */
  public YamlNode requireOnlyKeys(Set<String> allowed) {
    for (Map.Entry<String, YamlNode> e : entries().entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw e.getValue()
            .error(
                "unknown key '"
                    + e.getKey()
                    + "'; valid keys: "
                    + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
    return this;
  }

  public List<YamlNode> items() {
    if (!(node instanceof SequenceNode seq)) {
      throw error("expected a list");
    }
    List<YamlNode> out = new ArrayList<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      out.add(new YamlNode(file, path + "[" + i + "]", seq.getValue().get(i)));
    }
    return out;
  }

  public Optional<YamlNode> get(String key) {
    return Optional.ofNullable(entries().get(key));
  }

  public YamlNode require(String key) {
    return get(key).orElseThrow(() -> error("missing required key '" + child(key) + "'"));
  }

  public String asString() {
    if (!(node instanceof ScalarNode scalar)) {
      throw error("expected a single value");
    }
    return scalar.getValue();
  }

  public double asDouble() {
    try {
      return Double.parseDouble(asString().trim());
    } catch (NumberFormatException e) {
      throw error("expected a number, found '" + asString() + "'");
    }
  }

  public long asLong() {
    try {
      return Long.parseLong(asString().trim());
    } catch (NumberFormatException e) {
      throw error("expected a whole number, found '" + asString() + "'");
    }
  }

  public boolean asBoolean() {
    String v = asString().trim().toLowerCase(java.util.Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw error("expected true or false, found '" + asString() + "'");
  }

  /** A list of strings; a single scalar is accepted as a list of one. */
  public List<String> asStringList() {
    if (isScalar()) {
      return List.of(asString());
    }
    return items().stream().map(YamlNode::asString).toList();
  }

  public String string(String key, String defaultValue) {
    return get(key).map(YamlNode::asString).orElse(defaultValue);
  }

  private String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
