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
  }

  private RuleKinds() {}

  private static void register(RuleKind kind) {
    KINDS.put(kind.name(), kind);
  }

  public static Optional<RuleKind> find(String name) {
    return Optional.ofNullable(KINDS.get(name));
  }

  public static String names() {
    return String.join(", ", KINDS.keySet());
  }

  /** Applies the rule's optional {@code where} filter to the constraint just added. */
  static Check scoped(CheckWithLastConstraintFilterable check, Rule rule) {
    return rule.whereClause().map(check::where).orElse(check);
  }
}
