package org.egovsuite.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.egovsuite.ingest.FileAccount;
import org.egovsuite.publish.CrashPoint;
import org.egovsuite.publish.JsonFiles;
import org.egovsuite.publish.ParquetSealer;
import org.egovsuite.publish.TableLineage;
import org.egovsuite.publish.TableVersions;
import org.egovsuite.quality.QualityOutcome;

/**
 * Writes one new version of a table aside, checks it and commits it as a complete version that
 * readers do not see yet: the Parquet files of the indicators run copied with footer metadata,
 * then validated (schema and row count as the indicators stage recorded them, read back by
 * parquet-mr, every input dataset admitted by the quality run), then its lineage written inside.
 */
final class TablePublisher {
  /** A version ready to be switched to. */
  record Staged(TableOutput table, TableVersions versions, String version, TableLineage lineage) {}

  /** The runs and configuration every table of one publish shares. */
  record Runs(String runId, String publishedAt, String codeVersion, String configSha256, IngestReport ingest,
      QualityReport quality, IndicatorsReport indicators) {}

  private TablePublisher() {}

  static Staged stage(JobContext ctx, TableOutput table, Runs runs) {
    if (!ctx.warehouse().exists(table.path())) {
      throw new MissingStageOutputException("table " + table.name() + " of run " + runs.indicators().runId()
          + " is not in " + table.path() + " (already published?); run 'bin/egov indicators' first");
    }
    TableVersions versions = ctx.warehouse().versions(table.name());
    versions.discardAhead();
    String version = versions.nextVersion();
    String staging = versions.staging(ctx.runId());
    ParquetSealer.Sealed sealed = ParquetSealer.seal(table.path(), staging, Map.of(ParquetSealer.RUN_ID, runs.runId(),
        ParquetSealer.TABLE, table.name(), ParquetSealer.VERSION, version), ctx.warehouse().hadoop());
    CrashPoint.at("sealed", table.name());
    List<String> inputs = new ArrayList<>(TableSources.datasets(ctx.config(), table.name()));
    String hash = validate(ctx, table, staging, sealed, runs.quality(), inputs);
    TableLineage lineage = new TableLineage(table.name(), version, runs.runId(), runs.publishedAt(), runs.codeVersion(),
        runs.configSha256(), runs.ingest().runId(), runs.quality().runId(), runs.indicators().runId(), sealed.rows(),
        table.columns(), hash, inputs.stream().map(d -> input(runs, d)).toList());
    JsonFiles.write(ctx.warehouse(), staging + "/" + TableVersions.LINEAGE, lineage);
    versions.commit(staging, version);
    CrashPoint.at("committed", table.name());
    return new Staged(table, versions, version, lineage);
  }

  /** Refuses a version that differs from what the indicators stage wrote or that a gate stopped. */
  private static String validate(JobContext ctx, TableOutput table, String staging, ParquetSealer.Sealed sealed,
      QualityReport quality, List<String> inputs) {
    String what = "table " + table.name() + " (" + staging + ")";
    if (sealed.files() == 0) {
      throw new PublishValidationException(what + ": no Parquet files");
    }
    List<String> columns = sealed.columns();
    if (!columns.equals(table.columns())) {
      throw new PublishValidationException(what + ": columns " + columns + ", expected " + table.columns());
    }
    if (sealed.rows() != table.rows()) {
      throw new PublishValidationException(what + ": " + sealed.rows() + " rows, the indicators stage wrote "
          + table.rows());
    }
    for (String dataset : inputs) {
      QualityReport.DatasetQuality checked = quality.dataset(dataset);
      if (checked == null || checked.verdict() == QualityOutcome.Verdict.FAILED) {
        throw new PublishValidationException(what + ": input dataset '" + dataset + "' "
            + (checked == null ? "has no quality result" : "failed its quality gate") + " in quality run " + quality.runId());
      }
    }
    long[] rows = {0};
    String hash = contentSha256(ctx, staging, rows);
    if (rows[0] != table.rows()) {
      throw new PublishValidationException(what + ": " + rows[0] + " rows read back, expected " + table.rows());
    }
    return hash;
  }

  /**
   * SHA-256 over every record, file by file in the order of their relative paths (partition
   * folder, then part number) and record by record in file order, each as parquet-mr's example record reader (GroupReadSupport) prints it (field names and
   * values): equal for equal content whatever the footers say, and read without Spark, so it also
   * proves the files decode.
   */
  static String contentSha256(JobContext ctx, String folder, long[] rows) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      Path path = new Path(folder);
      for (FileStatus file : ParquetSealer.parquetFiles(path, ctx.warehouse().hadoop())) {
        // the partition folder holds the value of the column the files leave out
        String relative = ParquetSealer.relative(path, file.getPath());
        digest.update(relative.substring(0, Math.max(0, relative.lastIndexOf('/'))).getBytes(StandardCharsets.UTF_8));
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file.getPath())
            .withConf(ctx.warehouse().hadoop()).build()) {
          for (Group record = reader.read(); record != null; record = reader.read()) {
            digest.update(record.toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            rows[0]++;
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TableLineage.Input input(Runs runs, String dataset) {
    QualityReport.DatasetQuality checked = runs.quality().dataset(dataset);
    List<FileAccount> files = runs.ingest().datasets().stream().filter(d -> d.dataset().equals(dataset))
        .findFirst().map(IngestReport.DatasetIngest::files).orElse(List.of());
    return new TableLineage.Input(dataset, checked.verdict().name(), checked.rowsIn(), checked.rowsPassed(),
        checked.rowsQuarantined(), files, checked.results());
  }
}
