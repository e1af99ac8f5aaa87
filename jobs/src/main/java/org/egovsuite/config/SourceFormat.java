package org.egovsuite.config;

import java.io.Serializable;
import java.util.List;

/**
 * How a dataset's files are laid out. One record for every format; each format reads only the
 * fields that concern it (validated by {@link DatasetDefinitionLoader}).
 *
 * @param kind csv, json, xlsx or parquet
 * @param encoding a Java charset name, or {@code auto} (BOM, then UTF-8 if the bytes are valid
 *     UTF-8, else GB18030)
 * @param skipLines lines above the header (csv) — read for {@code constants}
 * @param footer regular expressions; the first record whose first field matches ends the data
 * @param multiline quoted fields may contain line breaks (csv, {@code csv.multiline}, default
 *     false); when false, a record is one line (a quote left open costs that line alone) and large
 *     files are split and read in parallel
 * @param jsonLayout lines (one object per line), array (one array of objects) or entries (one
 *     object whose entries are the records, with fields {@code key} and {@code value})
 * @param sheet xlsx sheet name, or empty for the first sheet
 * @param headerRow 1-based xlsx row holding the header
 * @param compression {@code auto} (by extension: .gz, .bz2, .zip), {@code none}, {@code gzip},
 *     {@code bzip2} or {@code zip} (an archive of one file)
 * @param header whether the csv file has a header line ({@code csv.header}); without one, every
 *     mapped column's {@code source} is its 1-based position
 */
public record SourceFormat(
    String kind,
    String encoding,
    char delimiter,
    char quote,
    int skipLines,
    List<String> footer,
    boolean multiline,
    String jsonLayout,
    String sheet,
    int headerRow,
    String compression,
    boolean header)
    implements Serializable {

  public static final java.util.Set<String> COMPRESSIONS =
      java.util.Set.of("auto", "none", "gzip", "bzip2", "zip");

  /** A format whose files' compression follows their extension. */
  public SourceFormat(
      String kind,
      String encoding,
      char delimiter,
      char quote,
      int skipLines,
      List<String> footer,
      boolean multiline,
      String jsonLayout,
      String sheet,
      int headerRow) {
    this(
        kind,
        encoding,
        delimiter,
        quote,
        skipLines,
        footer,
        multiline,
        jsonLayout,
        sheet,
        headerRow,
        "auto",
        true);
  }

  /** Lines above the first record of a csv file: the skipped lines and the header line, if any. */
  public int linesAboveData() {
    return skipLines + (header ? 1 : 0);
  }

  /** A comma-separated file whose records are one line each. */
  public static SourceFormat csv(String encoding, int skipLines) {
    return new SourceFormat("csv", encoding, ',', '"', skipLines, List.of(), false, "lines", "", 1);
  }

  /** The same format with fields that may span lines. */
  public SourceFormat withMultiline() {
    return new SourceFormat(
        kind,
        encoding,
        delimiter,
        quote,
        skipLines,
        footer,
        true,
        jsonLayout,
        sheet,
        headerRow,
        compression,
        header);
  }

  /** The same format for files without a header line. */
  public SourceFormat withoutHeader() {
    return new SourceFormat(
        kind,
        encoding,
        delimiter,
        quote,
        skipLines,
        footer,
        multiline,
        jsonLayout,
        sheet,
        headerRow,
        compression,
        false);
  }
}
