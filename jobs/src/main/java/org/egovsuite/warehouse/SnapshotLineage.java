package org.egovsuite.warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;

/**
 * Where the rows of one snapshot of a published table come from, kept in the snapshot's own summary
 * (Iceberg writes it with the commit, so no reader sees a snapshot without it): the run, the code
 * and configuration, the quality verdicts of the input datasets, and the run manifest, which lists
 * every input file with its SHA-256. Readable with Iceberg's Java API alone ({@link #of}), and by
 * any engine's {@code snapshots} metadata table.
 *
 * @param formatVersion of the {@code egov.*} summary entries ({@value #FORMAT_VERSION}; snapshots
 *     written before the entry existed are read as version 1, their format)
 * @param committedAt when the run wrote the snapshot (its branch); publishing moves main to it
 * @param refs the branches and tags that point at the snapshot
 */
public record SnapshotLineage(
    int formatVersion,
    String table,
    long snapshotId,
    Long parentId,
    String committedAt,
    long rows,
    List<String> refs,
    String runId,
    String codeVersion,
    String configSha256,
    String ingestRunId,
    String qualityRunId,
    String manifest,
    List<Input> inputs) {

  static final String PREFIX = "egov.";
  static final String RUN = PREFIX + "run-id";
  static final String CODE = PREFIX + "code-version";
  static final String CONFIG = PREFIX + "config-sha256";
  static final String INGEST = PREFIX + "ingest-run-id";
  static final String QUALITY = PREFIX + "quality-run-id";
  static final String MANIFEST = PREFIX + "manifest";
  static final String INPUTS = PREFIX + "inputs";
  static final String FORMAT = PREFIX + "lineage-format-version";
  public static final int FORMAT_VERSION = 1;

  public SnapshotLineage {
    refs = List.copyOf(refs);
    inputs = List.copyOf(inputs);
  }

  /**
   * One input dataset and the quality run's verdict on it.
   *
   * @param synthetic what the dataset is when it is not real data (generated, a fixture), or null
   */
  public record Input(
      String dataset,
      String verdict,
      long rowsChecked,
      long rowsAdmitted,
      long rowsQuarantined,
      String synthetic) {}

  /** The inputs that are not real data, with what each is; empty for a table of published data. */
  public Map<String, String> syntheticInputs() {
    Map<String, String> out = new LinkedHashMap<>();
    inputs.stream()
        .filter(i -> i.synthetic() != null)
        .forEach(i -> out.put(i.dataset(), i.synthetic()));
    return out;
  }

  /** The snapshot summary entries a run's write carries. */
  public static Map<String, String> properties(
      String runId,
      String codeVersion,
      String configSha256,
      String ingestRunId,
      String qualityRunId,
      String manifest,
      List<Input> inputs) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(FORMAT, Integer.toString(FORMAT_VERSION));
    out.put(RUN, runId);
    out.put(CODE, codeVersion);
    out.put(CONFIG, configSha256);
    out.put(INGEST, ingestRunId);
    out.put(QUALITY, qualityRunId);
    out.put(MANIFEST, manifest);
    try {
      out.put(
          INPUTS,
          JsonFiles.MAPPER
              .writer()
              .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(inputs));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** The lineage of one snapshot of a table, from its summary. */
  public static SnapshotLineage of(String name, Table table, Snapshot snapshot) {
    Map<String, String> summary = snapshot.summary();
    int version = Integer.parseInt(summary.getOrDefault(FORMAT, "1"));
    if (version != FORMAT_VERSION) {
      throw new IllegalStateException(
          "snapshot "
              + snapshot.snapshotId()
              + " of "
              + name
              + ": lineage format version "
              + version
              + ", this egov reads version "
              + FORMAT_VERSION
              + " (written by a newer egov?)");
    }
    List<Input> inputs;
    try {
      inputs =
          summary.containsKey(INPUTS)
              ? JsonFiles.STRICT.readValue(summary.get(INPUTS), new TypeReference<List<Input>>() {})
              : List.of();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "snapshot "
              + snapshot.snapshotId()
              + " of "
              + name
              + ": unreadable "
              + INPUTS
              + ": "
              + e.getOriginalMessage(),
          e);
    }
    List<String> refs =
        table.refs().entrySet().stream()
            .filter(e -> e.getValue().snapshotId() == snapshot.snapshotId())
            .map(e -> (e.getValue().isBranch() ? "branch " : "tag ") + e.getKey())
            .sorted()
            .toList();
    return new SnapshotLineage(
        version,
        name,
        snapshot.snapshotId(),
        snapshot.parentId(),
        Instant.ofEpochMilli(snapshot.timestampMillis()).toString(),
        Long.parseLong(summary.getOrDefault("total-records", "-1")),
        refs,
        summary.get(RUN),
        summary.get(CODE),
        summary.get(CONFIG),
        summary.get(INGEST),
        summary.get(QUALITY),
        summary.get(MANIFEST),
        inputs);
  }

  /** Whether main points at this snapshot. */
  public boolean current() {
    return refs.contains("branch " + SnapshotRef.MAIN_BRANCH);
  }
}
