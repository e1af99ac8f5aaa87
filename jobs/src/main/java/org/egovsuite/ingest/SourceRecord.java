package org.egovsuite.ingest;

/**
 * One record as read from a file, before typing.
 *
 * @param line 1-based line where the record starts (csv, json lines), row (xlsx) or record number
 *     (json array)
 * @param lines physical lines the record covers (more than 1 only for a csv field across lines);
 *     summed per file to account for every line of it
 * @param raw the record's text as read, for quarantine (a CSV record's ends with its line end)
 * @param fields the values in header order; null when {@code error} is set
 * @param error why the record could not be split into fields (e.g. a line that is not JSON)
 */
public record SourceRecord(long line, int lines, String raw, String[] fields, String error) {
  SourceRecord(long line, String raw, String[] fields) {
    this(line, 1, raw, fields, null);
  }

  SourceRecord(long line, String raw, String[] fields, String error) {
    this(line, 1, raw, fields, error);
  }
}
