package org.egovsuite.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode_outer;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.DatasetDefinition;

/**
 * Reads every file of a dataset into typed rows with provenance; records that cannot be read as
 * the definition says go to quarantine with the reason. Text formats are parsed by
 * {@link RecordParser}, one task streaming each file; Parquet is read by Spark.
 */
public final class IngestJob {
  private final SparkSession spark;
  private DatasetDefinition dataset;
  private String runId;

  public IngestJob(SparkSession spark) {
    this.spark = spark;
  }

  public IngestJob dataset(DatasetDefinition value) {
    this.dataset = value;
    return this;
  }

  public IngestJob runId(String value) {
    this.runId = value;
    return this;
  }

  public IngestResult execute() {
    List<InputFile> files = InputFiles.list(dataset, spark.sparkContext().hadoopConfiguration());
    Timestamp now = Timestamp.from(Instant.now());
    Dataset<Row> parsed = (dataset.format().kind().equals("parquet")
        ? ParquetReader.read(spark, dataset, files, runId, now)
        : parseText(files, now))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> accepted = unpivot(parsed.where(col(IngestColumns.QUARANTINE_REASON).isNull())
        .drop(IngestColumns.QUARANTINE_REASON, IngestColumns.RAW_RECORD));
    Dataset<Row> quarantined = parsed.where(col(IngestColumns.QUARANTINE_REASON).isNotNull())
        .select(lit(dataset.name()).as("dataset"), col(IngestColumns.SOURCE_FILE),
            col(IngestColumns.SOURCE_LINE), col(IngestColumns.QUARANTINE_REASON),
            col(IngestColumns.RAW_RECORD), col(IngestColumns.RUN_ID));
    return new IngestResult(dataset.name(), parsed, accepted, quarantined, account(parsed, files));
  }

  private Dataset<Row> parseText(List<InputFile> files, Timestamp now) {
    Map<String, FileLayout> layouts = FileLayout.of(dataset, files, spark.sparkContext().hadoopConfiguration());
    RecordParser parser = new RecordParser(dataset, runId, now);
    Map<String, InputFile> byPath = files.stream().collect(Collectors.toMap(InputFile::path, f -> f));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    String paths = files.stream().map(InputFile::path).collect(Collectors.joining(","));
    JavaRDD<Row> rows = jsc.binaryFiles(paths).flatMap(pathAndStream -> parser.parse(
        byPath.get(pathAndStream._1()), layouts.get(pathAndStream._1()), pathAndStream._2().open()));
    return spark.createDataFrame(rows, IngestColumns.parsedSchema(dataset));
  }

  /** Wide to long: one row per record and unpivoted column, in the definition's column order. */
  private Dataset<Row> unpivot(Dataset<Row> accepted) {
    if (dataset.unpivot() == null) {
      return accepted;
    }
    List<Column> columns = new ArrayList<>();
    for (String c : accepted.columns()) {
      if (!c.equals(IngestColumns.UNPIVOTED)) {
        columns.add(col(c));
      }
    }
    Dataset<Row> exploded = accepted.withColumn("pair", explode_outer(col(IngestColumns.UNPIVOTED)));
    List<Column> pair = new ArrayList<>();
    for (ColumnSpec c : List.of(dataset.unpivot().key(), dataset.unpivot().value())) {
      pair.add(col("pair." + c.name()).as(c.name()));
      if (c.recordsUnit()) {
        pair.add(col("pair." + c.name() + IngestColumns.UNIT_SUFFIX).as(c.name() + IngestColumns.UNIT_SUFFIX));
      }
    }
    int at = dataset.columns().size() + dataset.columns().stream().mapToInt(c -> c.recordsUnit() ? 1 : 0).sum();
    List<Column> ordered = new ArrayList<>(columns.subList(0, at));
    ordered.addAll(pair);
    ordered.addAll(columns.subList(at, columns.size()));
    return exploded.select(ordered.toArray(Column[]::new));
  }

  /** One small aggregate per file: rows read = accepted + quarantined holds by construction. */
  private static List<FileAccount> account(Dataset<Row> parsed, List<InputFile> files) {
    Map<String, long[]> counts = parsed.groupBy(IngestColumns.SOURCE_FILE)
        .agg(count(lit(1)).as("read"), count(col(IngestColumns.QUARANTINE_REASON)).as("quarantined"))
        .collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> new long[] {r.getLong(1), r.getLong(2)}));
    List<FileAccount> out = new ArrayList<>();
    for (InputFile f : files) {
      long[] c = counts.getOrDefault(f.path(), new long[] {0, 0});
      out.add(new FileAccount(f.path(), f.sha256(), f.bytes(), c[0], c[0] - c[1], c[1]));
    }
    return out;
  }
}
