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
 * Reads and validates a steward's rule file against the columns of its dataset. Every problem of
 * every rule is collected and reported together (one line each, with file:line), and nothing runs
 * while any remains.
 */
public final class RuleFileLoader {
  private static final Set<String> COMMON_KEYS =
      Set.of("id", "kind", "description", "severity", "action", "owner", "where");

  private RuleFileLoader() {}

  /** Loads a rule file that references no other dataset (tests, the steward's dry run). */
  public static RuleFile load(Path file, String dataset, Set<String> columns) {
    return load(file, dataset, columns, Map.of());
  }

  /**
   * @param otherDatasets the columns of every dataset of the pipeline, for reference rules
   */
  public static RuleFile load(
      Path file, String dataset, Set<String> columns, Map<String, Set<String>> otherDatasets) {
    YamlNode root = YamlFiles.read(file).requireOnlyKeys(Set.of("dataset", "rules"));
    String declared = root.require("dataset").asString();
    if (!declared.equals(dataset)) {
      throw root.require("dataset")
          .error("rule file is for dataset '" + declared + "', expected '" + dataset + "'");
    }
    RuleContext context = new RuleContext(columns, otherDatasets);
    List<Rule> rules = new ArrayList<>();
    Map<String, YamlNode> ids = new HashMap<>();
    for (YamlNode node : root.require("rules").items()) {
      try {
        parse(node, context)
            .ifPresent(
                rule -> {
                  YamlNode earlier = ids.putIfAbsent(rule.id(), node);
                  if (earlier != null) {
                    context.error(
                        node.require("id"),
                        "duplicate rule id '"
                            + rule.id()
                            + "' (first at line "
                            + earlier.line()
                            + ")");
                  }
                  rules.add(rule);
                });
      } catch (ConfigException e) {
        context.errors().add(e.getMessage());
      }
    }
    if (!context.errors().isEmpty()) {
      throw new ConfigException(
          context.errors().size()
              + " problem(s) in rule file "
              + file
              + ":\n  "
              + String.join("\n  ", context.errors()));
    }
    return new RuleFile(file.toString(), dataset, rules);
  }

  private static Optional<Rule> parse(YamlNode node, RuleContext context) {
    String kindName = node.require("kind").asString();
    Optional<RuleKind> kind = RuleKinds.find(kindName);
    if (kind.isEmpty()) {
      context.error(
          node.require("kind"),
          "unsupported rule kind '" + kindName + "'; valid kinds: " + RuleKinds.names());
      return Optional.empty();
    }
    Set<String> allowed = new HashSet<>(COMMON_KEYS);
    allowed.addAll(kind.get().keys());
    node.requireOnlyKeys(allowed);
    Severity severity = severity(node);
    Rule rule =
        new Rule(
            node.require("id").asString(),
            kindName,
            node.string("description", ""),
            severity,
            action(node, severity, kind.get(), context),
            node.string("owner", ""),
            node.get("columns").map(YamlNode::asStringList).orElse(List.of()),
            node.get("min").map(YamlNode::asDouble).orElse(null),
            node.get("max").map(YamlNode::asDouble).orElse(null),
            node.get("expression").map(YamlNode::asString).orElse(null),
            node.get("where").map(YamlNode::asString).orElse(null),
            node.get("values").map(YamlNode::asStringList).orElse(List.of()),
            node.get("reference").map(RuleFileLoader::reference).orElse(null),
            node.get("max_age_days").map(n -> (int) n.asLong()).orElse(null),
            node.get("metric").map(YamlNode::asString).orElse(null),
            node.get("max_change").map(YamlNode::asDouble).orElse(null),
            node.where());
    kind.get().validate(node, rule, context);
    node.get("where").ifPresent(where -> context.requireExpression(where, rule.where()));
    return Optional.of(rule);
  }

  private static Rule.Reference reference(YamlNode node) {
    node.requireOnlyKeys(Set.of("dataset", "column"));
    return new Rule.Reference(
        node.require("dataset").asString(), node.require("column").asString());
  }

  /** The rule's action; the default follows the severity (error: fail, warning: warn). */
  private static Action action(
      YamlNode node, Severity severity, RuleKind kind, RuleContext context) {
    Optional<YamlNode> given = node.get("action");
    if (given.isEmpty()) {
      return Action.defaultFor(severity);
    }
    String value = given.get().asString();
    Action action;
    try {
      action = Action.valueOf(value.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw given.get().error("unknown action '" + value + "'; valid: fail, warn, quarantine");
    }
    if (action == Action.FAIL && severity != Severity.ERROR) {
      context.error(given.get(), "action 'fail' stops the dataset, so it needs severity error");
    } else if (action == Action.WARN && severity != Severity.WARNING) {
      context.error(
          given.get(),
          "severity error stops the dataset when the rule fails; use action fail, "
              + "or quarantine to set the failing rows aside, or severity warning to only report");
    } else if (action == Action.QUARANTINE && !kind.rowLevel()) {
      context.error(
          given.get(),
          "a "
              + kind.name()
              + " rule judges the whole dataset, so it has no rows to "
              + "quarantine; row-level kinds: "
              + RuleKinds.rowLevelNames());
    }
    return action;
  }

  private static Severity severity(YamlNode node) {
    String value = node.string("severity", "error");
    return switch (value) {
      case "error" -> Severity.ERROR;
      case "warning" -> Severity.WARNING;
      default ->
          throw node.require("severity")
              .error("unknown severity '" + value + "'; valid: error, warning");
    };
  }
}
