package org.egovsuite.quality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.egovsuite.config.ConfigException;
import org.egovsuite.config.YamlFiles;
import org.egovsuite.config.YamlNode;
import org.egovsuite.quality.kinds.RuleContext;
import org.egovsuite.quality.kinds.RuleKind;
import org.egovsuite.quality.kinds.RuleKinds;

/**
 * Reads and validates a steward's rule file against the columns of its dataset. Every problem
 * of every rule is collected and reported together (one line each, with file:line), and
 * nothing runs while any remains.
 */
public final class RuleFileLoader {
  private static final Set<String> COMMON_KEYS = Set.of("id", "kind", "description", "severity", "owner", "where");

  private RuleFileLoader() {}

  public static RuleFile load(Path file, String dataset, Set<String> columns) {
    YamlNode root = YamlFiles.read(file).requireOnlyKeys(Set.of("dataset", "rules"));
    String declared = root.require("dataset").asString();
    if (!declared.equals(dataset)) {
      throw root.require("dataset").error("rule file is for dataset '" + declared + "', expected '" + dataset + "'");
    }
    RuleContext context = new RuleContext(columns);
    List<Rule> rules = new ArrayList<>();
    Map<String, YamlNode> ids = new HashMap<>();
    for (YamlNode node : root.require("rules").items()) {
      try {
        parse(node, context).ifPresent(rule -> {
          YamlNode earlier = ids.putIfAbsent(rule.id(), node);
          if (earlier != null) {
            context.error(node.require("id"), "duplicate rule id '" + rule.id() + "' (first at line " + earlier.line() + ")");
          }
          rules.add(rule);
        });
      } catch (ConfigException e) {
        context.errors().add(e.getMessage());
      }
    }
    if (!context.errors().isEmpty()) {
      throw new ConfigException(context.errors().size() + " problem(s) in rule file " + file + ":\n  "
          + String.join("\n  ", context.errors()));
    }
    return new RuleFile(file.toString(), dataset, rules);
  }

  private static Optional<Rule> parse(YamlNode node, RuleContext context) {
    String kindName = node.require("kind").asString();
    Optional<RuleKind> kind = RuleKinds.find(kindName);
    if (kind.isEmpty()) {
      context.error(node.require("kind"), "unsupported rule kind '" + kindName + "'; valid kinds: " + RuleKinds.names());
      return Optional.empty();
    }
    Set<String> allowed = new HashSet<>(COMMON_KEYS);
    allowed.addAll(kind.get().keys());
    node.requireOnlyKeys(allowed);
    Rule rule = new Rule(
        node.require("id").asString(),
        kindName,
        node.string("description", ""),
        severity(node),
        node.string("owner", ""),
        node.get("columns").map(YamlNode::asStringList).orElse(List.of()),
        node.get("min").map(YamlNode::asDouble).orElse(null),
        node.get("max").map(YamlNode::asDouble).orElse(null),
        node.get("expression").map(YamlNode::asString).orElse(null),
        node.get("where").map(YamlNode::asString).orElse(null),
        node.get("values").map(YamlNode::asStringList).orElse(List.of()),
        node.where());
    kind.get().validate(node, rule, context);
    node.get("where").ifPresent(where -> context.requireExpression(where, rule.where()));
    return Optional.of(rule);
  }

  private static Severity severity(YamlNode node) {
    String value = node.string("severity", "error");
    return switch (value) {
      case "error" -> Severity.ERROR;
      case "warning" -> Severity.WARNING;
      default -> throw node.require("severity").error("unknown severity '" + value + "'; valid: error, warning");
    };
  }
}
