package org.egovsuite.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.egovsuite.config.DatasetDefinition;

/**
 * Reads every file of a CSV dataset into typed rows with provenance; records that cannot be
 * read as the definition says go to quarantine with the reason. Files are parsed in parallel,
 * one task streaming each file.
 */
public final class CsvIngestJob {
  private final SparkSession spark;
  private DatasetDefinition dataset;
  private String runId;

  public CsvIngestJob(SparkSession spark) {
    this.spark = spark;
  }

  public CsvIngestJob dataset(DatasetDefinition value) {
    this.dataset = value;
    return this;
  }

  public CsvIngestJob runId(String value) {
    this.runId = value;
    return this;
  }

  public IngestResult execute() {
    List<InputFile> files = InputFiles.list(dataset, spark.sparkContext().hadoopConfiguration());
    Map<String, HeaderMapping.Layout> layouts =
        HeaderMapping.of(dataset, files, spark.sparkContext().hadoopConfiguration());
    Map<String, InputFile> byPath = files.stream().collect(Collectors.toMap(InputFile::path, f -> f));
    RecordParser parser = new RecordParser(dataset, runId);

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    String paths = files.stream().map(InputFile::path).collect(Collectors.joining(","));
    JavaRDD<Row> rows = jsc.binaryFiles(paths).flatMap(pathAndStream -> {
      InputFile file = byPath.get(pathAndStream._1());
      return parser.parse(file, layouts.get(pathAndStream._1()), pathAndStream._2().open());
    });
    Dataset<Row> parsed = spark.createDataFrame(rows, IngestColumns.parsedSchema(dataset))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> accepted = parsed.where(col(IngestColumns.QUARANTINE_REASON).isNull())
        .drop(IngestColumns.QUARANTINE_REASON, IngestColumns.RAW_RECORD);
    Dataset<Row> quarantined = parsed.where(col(IngestColumns.QUARANTINE_REASON).isNotNull())
        .select(lit(dataset.name()).as("dataset"), col(IngestColumns.SOURCE_FILE),
            col(IngestColumns.SOURCE_LINE), col(IngestColumns.QUARANTINE_REASON),
            col(IngestColumns.RAW_RECORD), col(IngestColumns.RUN_ID));
    return new IngestResult(dataset.name(), parsed, accepted, quarantined, account(parsed, files));
  }

  /** One small aggregate per file: the identity rows read = accepted + quarantined holds by construction. */
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
