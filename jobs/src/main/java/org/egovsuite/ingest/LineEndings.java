package org.egovsuite.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Turns CRLF and lone CR into LF before the CSV parser sees them. Univocity detects one line
 * separator from the first line and treats the others as data, so a file that mixes CRLF and LF
 * (common in hand-edited exports) would glue records together.
 */
final class LineEndings extends FilterReader {
  private boolean afterCr;

  LineEndings(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    char[] one = new char[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0];
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    while (true) {
      int n = in.read(buffer, offset, length);
      if (n <= 0) {
        return n;
      }
      int out = offset;
      for (int i = offset; i < offset + n; i++) {
        char c = buffer[i];
        if (c == '\n' && afterCr) {
          afterCr = false; // the LF of a CRLF: already written as LF
          continue;
        }
        afterCr = c == '\r';
        buffer[out++] = afterCr ? '\n' : c;
      }
      if (out > offset) {
        return out - offset;
      }
    }
  }
}
