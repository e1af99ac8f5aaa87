package org.egovsuite.ingest;

/**
 * One record as read from a file, before typing.
 *
 * @param line 1-based line where the record starts (csv, json lines), row (xlsx) or record number (json array)
 * @param raw the record's text as read, for quarantine (a CSV record's ends with its line end)
 * @param fields the values in header order; null when {@code error} is set
 * @param error why the record could not be split into fields (e.g. a line that is not JSON)
 */
public record SourceRecord(long line, String raw, String[] fields, String error) {
  SourceRecord(long line, String raw, String[] fields) {
    this(line, raw, fields, null);
  }
}
