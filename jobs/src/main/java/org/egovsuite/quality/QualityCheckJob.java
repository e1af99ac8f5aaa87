package org.egovsuite.quality;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.checks.Check;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.quality.deequ.DeequAdapter;
import org.egovsuite.quality.kinds.RuleKinds;

/**
 * Runs a dataset's rules as Deequ checks in one verification (Deequ plans the analyzers of all
 * checks together, so the data is scanned once for the scan-shareable metrics plus once per
 * grouping such as a uniqueness key).
 */
public final class QualityCheckJob {
  private Dataset<Row> data;
  private RuleFile rules;

  public QualityCheckJob data(Dataset<Row> value) {
    this.data = value;
    return this;
  }

  public QualityCheckJob rules(RuleFile value) {
    this.rules = value;
    return this;
  }

  public QualityOutcome execute() {
    Map<Check, Rule> checks = new LinkedHashMap<>();
    for (Rule rule : rules.rules()) {
      checks.put(RuleKinds.find(rule.kind()).orElseThrow().toCheck(rule), rule);
    }
    VerificationResult result = DeequAdapter.verify(data, new ArrayList<>(checks.keySet()));
    List<RuleResult> results = new ArrayList<>();
    for (Map.Entry<Check, Rule> e : checks.entrySet()) {
      Rule rule = e.getValue();
      for (DeequAdapter.ConstraintOutcome o : DeequAdapter.outcomes(result, e.getKey())) {
        results.add(new RuleResult(rules.dataset(), rule.id(), rule.kind(), rule.severity(),
            o.constraint(), o.metric(), o.value(), o.passed(), o.message()));
      }
    }
    return new QualityOutcome(rules.dataset(), rules.path(), results);
  }
}
