package org.egovsuite.quality.history;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.quality.QualityOutcome;
import org.egovsuite.quality.RuleResult;

/**
 * The metrics history: one Parquet table partitioned by dataset, one row per rule constraint per
 * run, appended by every quality run of the pipeline (never by a dry run).
 *
 * <p>Deequ's own FileSystemMetricsRepository keeps the whole history in one JSON document that is
 * read and rewritten on every save, so it grows without bound and cannot be queried by Spark; this
 * table is appended file by file and read with partition pruning. Deequ's anomaly detection is
 * still what judges a new value (see {@link org.egovsuite.quality.DriftJudge}).
 */
public final class MetricsHistoryTable {
  public static final StructType SCHEMA =
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("run_time", DataTypes.TimestampType, false)
          .add("rule_id", DataTypes.StringType, false)
          .add("kind", DataTypes.StringType, false)
          .add("constraint", DataTypes.StringType, false)
          .add("metric", DataTypes.StringType, true)
          .add("value", DataTypes.DoubleType, true)
          .add("rule_passed", DataTypes.BooleanType, false)
          .add("verdict", DataTypes.StringType, false);

  /** Admitted runs kept as a drift baseline (Deequ's rate-of-change strategy uses the last). */
  static final int BASELINE_RUNS = 20;

  private final SparkSession spark;
  private final String root;

  /**
   * @param root the table's folder; partitions are {@code dataset=<name>} below it
   */
  public MetricsHistoryTable(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root;
  }

  public void append(String runId, Instant runTime, QualityOutcome outcome) {
    List<Row> rows = new ArrayList<>();
    String verdict = outcome.verdict().name().toLowerCase(java.util.Locale.ROOT);
    for (RuleResult r : outcome.results()) {
      rows.add(
          RowFactory.create(
              runId,
              Timestamp.from(runTime),
              r.ruleId(),
              r.kind(),
              r.constraint(),
              r.metric(),
              r.value(),
              r.passed(),
              verdict));
    }
    // Each dataset appends to its own partition folder, so datasets checked side by side never
    // share a job's temporary output directory.
    spark
        .createDataFrame(rows, SCHEMA)
        .coalesce(1)
        .write()
        .mode(SaveMode.Append)
        .parquet(partition(outcome.dataset()));
  }

  /** Every recorded row of one dataset, oldest run first. */
  public Dataset<Row> read(String dataset) {
    if (!exists(partition(dataset))) {
      return spark.createDataFrame(List.of(), SCHEMA);
    }
    return spark
        .read()
        .schema(SCHEMA)
        .parquet(partition(dataset))
        .orderBy(col("run_time"), col("rule_id"));
  }

  /**
   * The metric values of the last {@code runs} runs of every rule constraint of every dataset
   * (column {@code dataset} from the partitions), oldest first: what trends show, bounded however
   * long the history grows.
   */
  public Dataset<Row> recentValues(int runs) {
    if (!exists(root)) {
      return spark
          .createDataFrame(List.of(), SCHEMA)
          .withColumn("dataset", org.apache.spark.sql.functions.lit(""));
    }
    return lastRuns(
        spark.read().parquet(root).where(col("value").isNotNull()), runs, col("dataset"));
  }

  /** Keeps the last {@code runs} rows of each rule constraint (within {@code by}), oldest first. */
  private static Dataset<Row> lastRuns(Dataset<Row> rows, int runs, Column... by) {
    List<Column> keys = new ArrayList<>(List.of(by));
    keys.add(col("rule_id"));
    keys.add(col("constraint"));
    WindowSpec newestFirst =
        Window.partitionBy(keys.toArray(Column[]::new)).orderBy(col("run_time").desc());
    return rows.withColumn("_newest", row_number().over(newestFirst))
        .where(col("_newest").leq(runs))
        .drop("_newest")
        .orderBy(col("run_time"), col("rule_id"));
  }

  /**
   * The admitted history of one dataset, read when a drift rule first asks (a dataset without drift
   * rules costs no read) and then kept for its other drift rules.
   */
  public MetricsHistory history(String dataset) {
    Map<String, List<Double>> loaded = new HashMap<>();
    boolean[] read = {false};
    return (ruleId, constraint) -> {
      synchronized (loaded) {
        if (!read[0]) {
          loaded.putAll(admitted(dataset));
          read[0] = true;
        }
      }
      return loaded.getOrDefault(ruleId + "\u0000" + constraint, List.of());
    };
  }

  private Map<String, List<Double>> admitted(String dataset) {
    Map<String, List<Double>> values = new HashMap<>();
    Dataset<Row> admitted =
        read(dataset).where(col("verdict").notEqual("failed").and(col("value").isNotNull()));
    for (Row row :
        lastRuns(admitted, BASELINE_RUNS)
            .select("rule_id", "constraint", "value")
            .collectAsList()) {
      values
          .computeIfAbsent(row.getString(0) + "\u0000" + row.getString(1), k -> new ArrayList<>())
          .add(row.getDouble(2));
    }
    return values;
  }

  private String partition(String dataset) {
    return root + "/dataset=" + dataset;
  }

  private boolean exists(String path) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
