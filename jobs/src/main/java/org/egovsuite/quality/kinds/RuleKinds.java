package org.egovsuite.quality.kinds;

import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckWithLastConstraintFilterable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.egovsuite.quality.Rule;

/** The registry of rule kinds; a kind not listed here is reported as unsupported with its line. */
public final class RuleKinds {
  private static final Map<String, RuleKind> KINDS = new LinkedHashMap<>();

  static {
    register(new CompletenessKind());
    register(new UniquenessKind());
    register(new RangeKind());
    register(new ExpressionKind());
    register(new PatternKind());
    register(new AllowedValuesKind());
    register(new RowCountKind());
    register(new ReferenceKind());
    register(new FreshnessKind());
    register(new DriftKind());
  }

  private RuleKinds() {}

  private static void register(RuleKind kind) {
    KINDS.put(kind.name(), kind);
  }

  public static Optional<RuleKind> find(String name) {
    return Optional.ofNullable(KINDS.get(name));
  }

  public static String rowLevelNames() {
    return String.join(
        ", ", KINDS.values().stream().filter(RuleKind::rowLevel).map(RuleKind::name).toList());
  }

  public static String names() {
    return String.join(", ", KINDS.keySet());
  }

  /**
   * The name of a column a kind adds for one rule and column ({@code _q_<rule>_<column>}); the
   * prefix keeps it apart from data columns and it is dropped before rows are written.
   */
  public static String derivedColumn(Rule rule, String column) {
    return DERIVED_PREFIX + rule.id() + "_" + column;
  }

  public static final String DERIVED_PREFIX = "_q_";

  /** Applies the rule's optional {@code where} filter to the constraint just added. */
  static Check scoped(CheckWithLastConstraintFilterable check, Rule rule) {
    return rule.whereClause().map(check::where).orElse(check);
  }
}
