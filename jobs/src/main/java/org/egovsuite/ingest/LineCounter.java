package org.egovsuite.ingest;

/**
 * Counts the physical lines of a file from its bytes, independently of the CSV parser, so that
 * ingest can prove every line went somewhere (header, blank, footer or a record). Counts line ends
 * as {@link LineEndings} turns them into LF: LF, CRLF, and a lone CR; a last line without a line
 * end counts too. Only for encodings where these are single bytes (not UTF-16/32: a file starting
 * with their byte-order mark is not counted).
 */
final class LineCounter {
  private long ends;
  private long bytes;
  private boolean afterCr;
  private int last = -1;
  private boolean wide;

  void update(byte[] buffer, int length) {
    if (bytes == 0 && length >= 2) {
      int b0 = buffer[0] & 0xFF;
      int b1 = buffer[1] & 0xFF;
      wide = (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE);
    }
    for (int i = 0; i < length; i++) {
      byte b = buffer[i];
      if (b == '\n') {
        if (!afterCr) {
          ends++;
        }
        afterCr = false;
      } else if (b == '\r') {
        ends++;
        afterCr = true;
      } else {
        afterCr = false;
      }
    }
    if (length > 0) {
      last = buffer[length - 1];
    }
    bytes += length;
  }

  /** The line count, or -1 for a file in a two- or four-byte encoding. */
  long lines() {
    if (wide) {
      return -1;
    }
    return ends + (bytes > 0 && last != '\n' && last != '\r' ? 1 : 0);
  }
}
