package org.egovsuite.stage;

import java.util.List;

/**
 * The columns every stage's rows carry besides the data: where a row came from (set by ingest, kept
 * through standardisation, quality and the quarantine, shown in failing samples and some published
 * tables) and the flags its dataset definition set on it. One home, so the stages that read them do
 * not reach into the stage that writes them.
 */
public final class RowColumns {
  public static final String SOURCE_FILE = "source_file";

  /**
   * Line of the source file where the record starts (1-based), the xlsx row, or the json record
   * number.
   */
  public static final String SOURCE_LINE = "source_line";

  /**
   * Physical lines the record covers (csv; 1 for other formats): summed per file, with the header,
   * blank and footer lines, to the file's line count, so no line goes unaccounted.
   */
  public static final String SOURCE_LINES = "source_lines";

  public static final String SOURCE_SHA256 = "source_sha256";
  public static final String RUN_ID = "ingest_run_id";
  public static final String INGESTED_AT = "ingested_at";

  /** Why the record was quarantined; null for accepted rows. */
  public static final String QUARANTINE_REASON = "quarantine_reason";

  /** Flags the dataset definition set on the row (an array of names). */
  public static final String ROW_FLAGS = "row_flags";

  /**
   * Where a standardised row is stored: its Parquet file's name and its index in that file, from
   * Spark's hidden {@code _metadata} columns. The quality stage's quarantine carries them so the
   * admitted rows are the standardised rows less those positions, without a second copy of every
   * row. Valid for the ingest run that wrote the files (later stages check the run ids match).
   */
  public static final String STORED_FILE = "stored_file";

  public static final String STORED_ROW = "stored_row";

  public static final List<String> PROVENANCE =
      List.of(SOURCE_FILE, SOURCE_LINE, SOURCE_LINES, SOURCE_SHA256, RUN_ID, INGESTED_AT);

  private RowColumns() {}
}
