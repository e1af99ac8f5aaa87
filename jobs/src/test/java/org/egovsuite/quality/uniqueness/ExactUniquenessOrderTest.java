package org.egovsuite.quality.uniqueness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.quality.Rule;
import org.egovsuite.quality.RuleFile;
import org.egovsuite.quality.RuleFileLoader;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan's first Spark job is submitted before the caller goes on to submit the verification's
 * scan: right after {@code start} it is not (planning the head search takes milliseconds), and
 * {@code awaitFirstJob} returns once it is.
 */
@ExtendWith(SparkTest.class)
class ExactUniquenessOrderTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void theFirstJobIsSubmittedBeforeTheCallerGoesOn(SparkSession spark) throws Exception {
    var data = spark.range(0, 10_000, 1, 2).selectExpr("id", "CONCAT('k', id) AS code");
    java.nio.file.Path file = dir.resolve("rules.yaml");
    java.nio.file.Files.writeString(
        file,
        "dataset: d\nrules:\n  - {id: code_unique, kind: uniqueness, columns: [code], severity: warning}\n");
    RuleFile rules = RuleFileLoader.load(file, "d", Set.of("id", "code"));
    Map<String, Rule> byId = Map.of("code_unique", rules.rules().get(0));

    ExactUniqueness.Plan plan = ExactUniqueness.start(byId, data);
    plan.awaitFirstJob();

    assertThat(plan.jobSubmittedOrDone()).isTrue();
    plan.cancel();
  }
}
