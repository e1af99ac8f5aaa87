package org.egovsuite.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.core.JacksonException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.MissingStageOutputException;
import org.egovsuite.stage.RowColumns;
import org.egovsuite.warehouse.JsonFiles;

/**
 * The provenance every row of one input file shares (the file's path and SHA-256, the ingest run
 * and its time), kept once per ingested folder in {@value #FILE} rather than in every row: a stored
 * row holds its file's position in {@link #files} ({@value #INDEX}). Written into every row, those
 * four constant values took over a third of a rewrite of the standardised tickets: Parquet hashes,
 * compares and copies each string value again, dictionary or not (BENCHMARKS.md, "provenance kept
 * once per file"). {@link #attach} puts them back where they stood, so stages, rules, samples and
 * the quarantine see the same columns as before; a folder without the index column (written before,
 * or by a test) is read as it is.
 *
 * <p>Spark's folder reads skip the file (its name starts with an underscore), and a glob of {@code
 * *.parquet} does not match it.
 */
public record ProvenanceManifest(
    int formatVersion, String runId, String ingestedAt, List<SourceFile> files)
    implements JsonFiles.Versioned {
  public static final String FILE = "_provenance.json";

  /** The stored column that replaces the four constant ones: 0-based position in the manifest. */
  public static final String INDEX = "source_file_index";

  static final int FORMAT_VERSION = 1;

  /** The columns a stored row does without, and where {@link #attach} puts them again. */
  private static final Set<String> KEPT_HERE =
      Set.of(
          RowColumns.SOURCE_FILE,
          RowColumns.SOURCE_SHA256,
          RowColumns.RUN_ID,
          RowColumns.INGESTED_AT);

  public record SourceFile(String path, String sha256) {}

  static ProvenanceManifest of(List<InputFile> files, String runId, Instant ingestedAt) {
    return new ProvenanceManifest(
        FORMAT_VERSION,
        runId,
        ingestedAt.toString(),
        files.stream().map(f -> new SourceFile(f.path(), f.sha256())).toList());
  }

  /** The rows as stored: {@link #INDEX} where they had the file's path, no other constants. */
  static Dataset<Row> strip(Dataset<Row> rows) {
    return rows.select(
        Arrays.stream(rows.columns())
            .filter(c -> !KEPT_HERE.contains(c))
            .map(ProvenanceManifest::quoted)
            .toArray(Column[]::new));
  }

  /**
   * The stored rows with {@code source_file} in place of the index and the checksum, run and time
   * after {@code source_lines}, as ingest's rows have them; other columns (Spark's {@code
   * _metadata} fields taken off the scan, say) pass through.
   */
  public Dataset<Row> attach(Dataset<Row> stored) {
    return attach(stored, false);
  }

  /**
   * The parsed rows with the provenance columns and their index beside them: the transform sees the
   * columns (a flag may name {@code source_file}), {@link #strip} stores only the index, and Spark
   * leaves the unstored ones out of the write's plan.
   */
  Dataset<Row> withIndex(Dataset<Row> parsed) {
    return attach(parsed, true);
  }

  private Dataset<Row> attach(Dataset<Row> rows, boolean keepIndex) {
    Column position = col(INDEX).plus(1);
    Column paths = array(files.stream().map(f -> lit(f.path())).toArray(Column[]::new));
    Column sums = array(files.stream().map(f -> lit(f.sha256())).toArray(Column[]::new));
    List<Column> columns = new ArrayList<>();
    for (String c : rows.columns()) {
      if (c.equals(INDEX)) {
        if (keepIndex) {
          columns.add(col(INDEX));
        }
        columns.add(element_at(paths, position).as(RowColumns.SOURCE_FILE));
        continue;
      }
      columns.add(quoted(c));
      if (c.equals(RowColumns.SOURCE_LINES)) {
        columns.add(element_at(sums, position).as(RowColumns.SOURCE_SHA256));
        columns.add(lit(runId).as(RowColumns.RUN_ID));
        columns.add(lit(Timestamp.from(Instant.parse(ingestedAt))).as(RowColumns.INGESTED_AT));
      }
    }
    return rows.select(columns.toArray(Column[]::new));
  }

  /** Written after the rows, into the folder Spark has just replaced. */
  void write(String folder, Configuration hadoop) {
    Path path = new Path(folder, FILE);
    try (OutputStream out = path.getFileSystem(hadoop).create(path, true)) {
      JsonFiles.MAPPER.writeValue(out, this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /**
   * The stored rows of an ingested folder with their provenance attached. A folder whose rows hold
   * the index but whose manifest is missing or unreadable (a run stopped between the two writes,
   * another egov version) is refused, naming the command that writes it again.
   */
  public static Dataset<Row> attached(Dataset<Row> stored, String folder, Configuration hadoop) {
    if (!Arrays.asList(stored.columns()).contains(INDEX)) {
      return stored;
    }
    return read(folder, hadoop).attach(stored);
  }

  static ProvenanceManifest read(String folder, Configuration hadoop) {
    Path path = new Path(folder, FILE);
    String remedy = "run 'bin/egov ingest' again";
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      try (InputStream in = fs.open(path)) {
        ProvenanceManifest m = JsonFiles.STRICT.readValue(in, ProvenanceManifest.class);
        if (m.formatVersion() != FORMAT_VERSION) {
          throw new MissingStageOutputException(
              path
                  + ": format version "
                  + m.formatVersion()
                  + ", this egov reads version "
                  + FORMAT_VERSION
                  + "; "
                  + remedy);
        }
        return m;
      }
    } catch (FileNotFoundException e) {
      throw new MissingStageOutputException(
          folder
              + " holds rows with '"
              + INDEX
              + "' but no "
              + FILE
              + " naming their files (ingest stopped before writing it?); "
              + remedy);
    } catch (JacksonException e) {
      throw new MissingStageOutputException(
          path + ": " + e.getOriginalMessage() + " (written by another egov version?); " + remedy);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static Column quoted(String column) {
    return col("`" + column.replace("`", "``") + "`");
  }
}
