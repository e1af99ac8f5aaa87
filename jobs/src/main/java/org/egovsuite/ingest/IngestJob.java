package org.egovsuite.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode_outer;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.egovsuite.concurrent.Futures;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.stage.RowColumns;

/**
 * Reads every file of a dataset into typed rows with provenance, applies a transform (the
 * standardisation) and writes every record once, with its quarantine reason (null when it was read
 * as the definition says). Text formats are parsed by {@link RecordParser}, one task streaming each
 * file, or each range of a single-line CSV large against the dataset ({@link SplitCsvReader});
 * Parquet is read by Spark. Nothing is cached: the accounting (rows read = accepted + quarantined,
 * and the lines records cover, per file) is one aggregate over what was written.
 */
public final class IngestJob {
  private final SparkSession spark;
  private DatasetDefinition dataset;
  private String runId;
  private UnaryOperator<Dataset<Row>> transform = UnaryOperator.identity();
  private String output;
  private long splitBytes = SplitCsvReader.SPLIT_BYTES;

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

  /** Applied to every row before writing; rows of quarantined records hold nulls. */
  public IngestJob transform(UnaryOperator<Dataset<Row>> value) {
    this.transform = value;
    return this;
  }

  /** Folder (any Hadoop URI) the ingested table is written to, replacing what is there. */
  public IngestJob output(String value) {
    this.output = value;
    return this;
  }

  /**
   * Largest range when splitting large single-line CSV files (default 64 MiB), raised for a dataset
   * of many files ({@link SplitCsvReader#splitAbove}).
   */
  public IngestJob splitBytes(long value) {
    this.splitBytes = value;
    return this;
  }

  public IngestResult execute() {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    // A dataset of parts (files whose headers changed over time) reads each part with its own
    // column mapping into the same columns; a dataset without parts is its own one part.
    List<DatasetDefinition> parts = dataset.partDefinitions();
    List<List<InputFile>> perPart = new ArrayList<>();
    for (DatasetDefinition part : parts) {
      perPart.add(InputFiles.find(part, hadoop));
    }
    List<InputFile> found = InputFiles.distinctAcrossParts(dataset, perPart);
    // The checksum reads every byte on the driver; it runs while the parse plan is made (for a
    // large CSV file, while a first pass counts its lines), since rows need it only when written.
    CompletableFuture<List<InputFile>> checksummed =
        CompletableFuture.supplyAsync(() -> InputFiles.checksummed(dataset, found, hadoop));
    Instant now = Instant.now();
    boolean parquet = dataset.format().kind().equals("parquet");
    List<String> paths = found.stream().map(InputFile::path).toList();
    Dataset<Row> text = null;
    if (!parquet) {
      for (int i = 0; i < parts.size(); i++) {
        Dataset<Row> part = parseText(parts.get(i), perPart.get(i), paths);
        text = text == null ? part : text.union(part);
      }
    }
    List<InputFile> files = join(checksummed);
    // Provenance values are the same for every row of a file, so rows carry only the file's index
    // and the manifest fills in path, checksum, run and time from literals.
    ProvenanceManifest manifest = ProvenanceManifest.of(files, runId, now);
    Dataset<Row> parsed = manifest.withIndex(parquet ? readParquet(parts, perPart, files) : text);
    Dataset<Row> rows = ProvenanceManifest.strip(transform.apply(unpivot(parsed)));
    rows.write().mode(SaveMode.Overwrite).parquet(output);
    manifest.write(output, hadoop);
    Dataset<Row> stored = spark.read().schema(rows.schema()).parquet(output);
    Map<String, long[]> counts = countsPerFile(stored, files);
    long rowsOut = counts.values().stream().mapToLong(c -> c[2]).sum();
    return new IngestResult(
        dataset.name(), manifest.attach(stored), rowsOut, account(counts, files));
  }

  /** Each part's Parquet files read with its mapping, each row with its file's index, unioned. */
  private Dataset<Row> readParquet(
      List<DatasetDefinition> parts, List<List<InputFile>> perPart, List<InputFile> files) {
    Map<String, InputFile> byPath =
        files.stream().collect(Collectors.toMap(InputFile::path, f -> f));
    Dataset<Row> all = null;
    for (int i = 0; i < parts.size(); i++) {
      List<InputFile> checked = perPart.get(i).stream().map(f -> byPath.get(f.path())).toList();
      Dataset<Row> part = ParquetReader.read(spark, parts.get(i), checked, files);
      all = all == null ? part : all.union(part);
    }
    return all;
  }

  private static List<InputFile> join(CompletableFuture<List<InputFile>> checksummed) {
    return Futures.join(checksummed);
  }

  /**
   * One part's text files parsed with the part's mapping.
   *
   * @param paths every file of the dataset, in order: a row carries its file's index in it
   */
  private Dataset<Row> parseText(
      DatasetDefinition part, List<InputFile> files, List<String> paths) {
    Map<String, FileLayout> layouts =
        FileLayout.of(part, files, spark.sparkContext().hadoopConfiguration());
    RecordParser parser = new RecordParser(part, paths);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    SplitCsvReader splitter =
        new SplitCsvReader(
            part,
            parser,
            spark.sparkContext().hadoopConfiguration(),
            SplitCsvReader.splitAbove(
                files.stream().mapToLong(InputFile::bytes).sum(),
                splitBytes,
                jsc.defaultParallelism()));
    List<JavaRDD<InternalRow>> parts = new ArrayList<>();
    List<InputFile> whole = new ArrayList<>();
    for (InputFile f : files) {
      if (splitter.applies(f)) {
        parts.add(splitter.read(jsc, f, layouts.get(f.path())));
      } else {
        whole.add(f);
      }
    }
    if (!whole.isEmpty()) {
      Map<String, InputFile> byPath =
          whole.stream().collect(Collectors.toMap(InputFile::path, f -> f));
      String wholePaths = whole.stream().map(InputFile::path).collect(Collectors.joining(","));
      parts.add(
          jsc.binaryFiles(wholePaths)
              .flatMap(
                  pathAndStream ->
                      parser.parse(
                          byPath.get(pathAndStream._1()),
                          layouts.get(pathAndStream._1()),
                          pathAndStream._2().open())));
    }
    JavaRDD<InternalRow> rows =
        parts.size() == 1 ? parts.get(0) : jsc.union(parts.toArray(JavaRDD[]::new));
    // Spark's own readers hand over internal rows this way. internalCreateDataFrame is private to
    // Spark's sql package in Scala but public in the bytecode (Spark is pinned; this is the one
    // call). The public alternative, a DataSource V2 source, would rebuild the definition,
    // layouts and file list from string options in every task.
    return spark.internalCreateDataFrame(rows.rdd(), IngestColumns.parsedSchema(part), false);
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
    Dataset<Row> exploded =
        accepted.withColumn("pair", explode_outer(col(IngestColumns.UNPIVOTED)));
    List<Column> pair = new ArrayList<>();
    for (ColumnSpec c : List.of(dataset.unpivot().key(), dataset.unpivot().value())) {
      pair.add(col("pair." + c.name()).as(c.name()));
      if (c.recordsUnit()) {
        pair.add(
            col("pair." + c.name() + IngestColumns.UNIT_SUFFIX)
                .as(c.name() + IngestColumns.UNIT_SUFFIX));
      }
    }
    int at =
        dataset.columns().size()
            + dataset.columns().stream().mapToInt(c -> c.recordsUnit() ? 1 : 0).sum();
    List<Column> ordered = new ArrayList<>(columns.subList(0, at));
    ordered.addAll(pair);
    ordered.addAll(columns.subList(at, columns.size()));
    return exploded.select(ordered.toArray(Column[]::new));
  }

  /**
   * One small aggregate over what was written, per file: records read, records quarantined,
   * accepted rows and the lines the records cover. After an unpivot a record is several rows with
   * one source line, so records are first made one row each. Grouped by the stored file index (a
   * number, not the path).
   */
  private Map<String, long[]> countsPerFile(Dataset<Row> written, List<InputFile> files) {
    Column reason = col(RowColumns.QUARANTINE_REASON);
    Column file = col(ProvenanceManifest.INDEX);
    Dataset<Row> perRecord =
        written.select(
            file,
            col(RowColumns.SOURCE_LINES),
            reason.isNotNull().cast("int").as("quarantined"),
            reason.isNull().cast("long").as("out"));
    if (dataset.unpivot() != null) {
      perRecord =
          written
              .groupBy(file, col(RowColumns.SOURCE_LINE))
              .agg(
                  max(col(RowColumns.SOURCE_LINES)).as(RowColumns.SOURCE_LINES),
                  max(reason.isNotNull().cast("int")).as("quarantined"),
                  count(when(reason.isNull(), lit(1))).as("out"))
              .drop(RowColumns.SOURCE_LINE);
    }
    return perRecord
        .groupBy(file)
        .agg(
            count(lit(1)).as("read"),
            sum("quarantined").cast("long"),
            sum("out").cast("long"),
            sum(RowColumns.SOURCE_LINES).cast("long"))
        .collectAsList()
        .stream()
        .collect(
            Collectors.toMap(
                r -> files.get(r.getInt(0)).path(),
                r ->
                    new long[] {
                      r.getLong(1), r.getLong(2), r.getLong(3), r.isNullAt(4) ? 0 : r.getLong(4)
                    }));
  }

  private List<FileAccount> account(Map<String, long[]> counts, List<InputFile> files) {
    List<FileAccount> out = new ArrayList<>();
    for (InputFile f : files) {
      long[] c = counts.getOrDefault(f.path(), new long[] {0, 0, 0, 0});
      FileAccount account =
          new FileAccount(
              f.path(), f.sha256(), f.bytes(), c[0], c[0] - c[1], c[1], f.lines(), c[3]);
      checkLines(account);
      out.add(account);
    }
    return out;
  }

  /**
   * Every physical line of a csv file is in exactly one record or is a header, preamble, blank or
   * footer line; without multi-line fields every record is one line. A file that breaks this was
   * misread (records merged or lost), so the run stops rather than publish from it.
   */
  private void checkLines(FileAccount a) {
    if (a.lines() < 0) {
      return;
    }
    long framing = dataset.format().linesAboveData();
    if (a.rowsRead() > 0 && a.otherLines() < framing) {
      throw new IllegalStateException(
          a.file()
              + ": records cover "
              + a.recordLines()
              + " lines, but the file has "
              + a.lines()
              + " lines of which "
              + framing
              + " are above the data; lines were counted twice");
    }
    if (!dataset.format().multiline() && a.recordLines() != a.rowsRead()) {
      throw new IllegalStateException(
          a.file()
              + ": "
              + a.rowsRead()
              + " records cover "
              + a.recordLines()
              + " lines, but this dataset's records are one line each (csv.multiline: false)");
    }
  }
}
