package org.egovsuite.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.egovsuite.ingest.StandardizedData;
import org.egovsuite.stage.JobContext;
import org.egovsuite.stage.QualityReport;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.egovsuite.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows failing quarantine rules carry each failed rule's id and reason; the rest continue.
 *
 * <pre>
 *   id  created  closed  status    fails
 *   1   10       12      Closed    -
 *   2   10       9       Closed    closed_after_created
 *   3   10       null    Closed    closed_has_date
 *   3   20       19      Open      closed_after_created, unique_id (with row 3 above: unique_id)
 *   5   null     null    Open      created_known
 * </pre>
 */
@ExtendWith(SparkTest.class)
class QuarantineRowsTest {
  private static final String RULES =
      """
      dataset: t
      rules:
        - id: closed_after_created
          kind: expression
          description: a request is closed after it is created
          expression: closed IS NULL OR closed >= created
          severity: error
          action: quarantine
        - id: closed_has_date
          kind: expression
          expression: status <> 'Closed' OR closed IS NOT NULL
          severity: warning
          action: quarantine
        - id: unique_id
          kind: uniqueness
          description: one row per request
          columns: [id]
          action: quarantine
        - id: created_known
          kind: completeness
          description: every request has a creation time
          columns: [created]
          action: quarantine
        - id: most_rows_closed_properly
          kind: expression
          expression: closed IS NULL OR closed >= created
          min: 0.5
        """;
  private final SparkSession spark;
  @TempDir Path dir;

  QuarantineRowsTest(SparkSession spark) {
    this.spark = spark;
  }

  private QualityRun run() {
    Dataset<Row> data =
        spark.sql(
            "SELECT * FROM VALUES (1, 10, 12, 'Closed'), (2, 10, 9, 'Closed'),"
                + " (3, 10, CAST(NULL AS INT), 'Closed'), (3, 20, 19, 'Open'), (5, CAST(NULL AS INT), CAST(NULL AS INT), 'Open')"
                + " AS t(id, created, closed, status)");
    Path file = Projects.write(dir.resolve("t.yaml"), RULES);
    return new QualityCheckJob()
        .data(data)
        .rules(RuleFileLoader.load(file, "t", Set.of(data.columns())))
        .execute();
  }

  @Test
  void eachQuarantinedRowNamesEveryRuleItFailedWithItsReason() {
    Dataset<Row> marked = run().marked().orElseThrow();
    List<Row> quarantined =
        RowLevelMarks.quarantined(marked).orderBy("id", "created").collectAsList();

    assertThat(quarantined).extracting(r -> r.<Integer>getAs("id")).containsExactly(2, 3, 3, 5);
    assertThat(quarantined)
        .extracting(r -> r.getList(r.fieldIndex(RowLevelMarks.FAILED_RULES)))
        .containsExactly(
            List.of("closed_after_created"),
            List.of("closed_has_date", "unique_id"),
            List.of("closed_after_created", "unique_id"),
            List.of("created_known"));
    assertThat(quarantined.get(0).getList(quarantined.get(0).fieldIndex(RowLevelMarks.REASONS)))
        .containsExactly("closed_after_created: a request is closed after it is created");
    assertThat(quarantined.get(1).getList(quarantined.get(1).fieldIndex(RowLevelMarks.REASONS)))
        .containsExactly(
            "closed_has_date: expression rule failed", "unique_id: one row per request");
  }

  /**
   * The stage writes only the quarantined rows with their stored positions; the admitted rows are
   * the standardised rows at every other position. The table above stored in two files by ingest,
   * with a sixth record ingest itself quarantined (never standardised, so neither checked nor
   * admitted): only row 1 is admitted, and 1 + 4 quarantined = the 5 rows checked.
   */
  @Test
  void theRemainingRowsContinueWithTheirOwnColumnsAndEveryRowIsAccountedFor() {
    Warehouse warehouse = new Warehouse(dir.resolve("wh").toString(), new Configuration());
    spark
        .sql(
            "SELECT * FROM VALUES (1, 10, 12, 'Closed', NULL), (2, 10, 9, 'Closed', NULL),"
                + " (3, 10, CAST(NULL AS INT), 'Closed', NULL), (3, 20, 19, 'Open', NULL),"
                + " (5, CAST(NULL AS INT), CAST(NULL AS INT), 'Open', NULL),"
                + " (6, 1, 2, 'Open', 'unreadable: not a number')"
                + " AS t(id, created, closed, status, quarantine_reason)")
        .withColumn("raw_record", functions.lit("the record's text"))
        .repartition(2)
        .write()
        .parquet(warehouse.ingested("t"));
    JobContext ctx = new JobContext(spark, null, warehouse, "test-run", null);
    Dataset<Row> data = StandardizedData.readWithPositions(ctx, "t");
    Path file = Projects.write(dir.resolve("t.yaml"), RULES);
    String quarantine = warehouse.qualityQuarantine("t");
    // written as the stage writes it: by the job's writer, as soon as the rows are marked
    QualityRun run =
        new QualityCheckJob()
            .data(data)
            .rules(RuleFileLoader.load(file, "t", Set.of(data.columns())))
            .quarantine(marked -> RowLevelMarks.quarantined(marked).write().parquet(quarantine))
            .execute();
    long quarantined = spark.read().parquet(quarantine).count();
    QualityReport.DatasetQuality checked =
        new QualityReport.DatasetQuality(
            "t",
            "t.yaml",
            null,
            1,
            run.rows(),
            run.rows() - quarantined,
            quarantined,
            quarantine,
            List.of(),
            List.of(),
            Map.of());

    Dataset<Row> admitted = AdmittedData.read(ctx, checked);

    assertThat(admitted.columns()).containsExactly("id", "created", "closed", "status");
    assertThat(admitted.collectAsList()).extracting(r -> r.<Integer>getAs("id")).containsExactly(1);
    assertThat(
            spark
                .read()
                .parquet(warehouse.ingested("t"))
                .select("_metadata.file_name")
                .distinct()
                .count())
        .isEqualTo(2);
    assertThat(run.rows()).isEqualTo(5).isEqualTo(admitted.count() + quarantined);
  }

  @Test
  void quarantineRulesReportTheirMetricButDoNotStopTheDataset() {
    QualityOutcome outcome = run().outcome();
    // closed >= created fails for rows 2 and 4 -> 3/5; unique ids: 1, 2, 5 -> 3/5
    RuleResult closed =
        outcome.results().stream()
            .filter(r -> r.ruleId().equals("closed_after_created"))
            .findFirst()
            .orElseThrow();
    assertThat(closed.passed()).isFalse();
    assertThat(closed.value()).isEqualTo(0.6);
    assertThat(closed.blocks()).isFalse();
    assertThat(outcome.verdict()).isEqualTo(QualityOutcome.Verdict.WARNED);
  }
}
