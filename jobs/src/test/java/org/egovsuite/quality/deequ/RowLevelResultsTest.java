package org.egovsuite.quality.deequ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovsuite.quality.deequ.DeequAdapter.none;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.checks.Check;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.Window;
import org.egovsuite.quality.Severity;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;

/** Row-level results asked for some rules carry only those rules' columns and work. */
class RowLevelResultsTest {
  @Test
  void onlyTheNamedRulesColumnsAreComputedAndAUniquenessWindowIsLeftOut() {
    SparkSession spark = SparkTest.session();
    // x: 1, null, 3 → complete fails on the second row; k: a, a, b → unique fails (a twice).
    Dataset<Row> data =
        spark.sql("SELECT * FROM VALUES (1, 'a'), (CAST(NULL AS INT), 'a'), (3, 'b') AS t(x, k)");
    Check complete =
        DeequAdapter.newCheck(Severity.WARNING, "complete").isComplete("x", none(), none());
    Check unique = DeequAdapter.newCheck(Severity.WARNING, "unique").isUnique("k", none(), none());
    VerificationResult result = DeequAdapter.verify(data, List.of(complete, unique));

    Dataset<Row> all = DeequAdapter.rowLevelResults(spark, result, data);
    assertThat(all.columns()).contains("_rule_complete", "_rule_unique");
    assertThat(hasWindow(all)).isTrue();

    Dataset<Row> some = DeequAdapter.rowLevelResults(spark, result, data, Set.of("complete"));
    assertThat(some.columns()).contains("_rule_complete").doesNotContain("_rule_unique");
    assertThat(hasWindow(some)).isFalse();
    assertThat(some.orderBy("k", "x").select("_rule_complete").collectAsList())
        .extracting(r -> r.get(0))
        .containsExactly(false, true, true);
  }

  private static boolean hasWindow(Dataset<Row> rows) {
    return rows.queryExecution().optimizedPlan().find(plan -> plan instanceof Window).isDefined();
  }
}
