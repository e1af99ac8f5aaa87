package org.egovsuite.ingest;

/**
 * Per input file: rows read = rows accepted + rows quarantined, and for a csv file its physical
 * lines = lines in records + other lines (header, preamble, blank lines, footer).
 *
 * @param lines the file's physical lines, counted from its bytes; -1 where not counted
 * @param recordLines lines covered by the records read (accepted and quarantined)
 */
public record FileAccount(
    String file,
    String sha256,
    long bytes,
    long rowsRead,
    long rowsAccepted,
    long rowsQuarantined,
    long lines,
    long recordLines) {

  /**
   * Lines in no record: the header, lines above it, blank lines and footer lines; -1 if not
   * counted.
   */
  public long otherLines() {
    return lines < 0 ? -1 : lines - recordLines;
  }
}
