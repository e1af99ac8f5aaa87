package org.egovsuite.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Decodes a file: a byte-order mark wins and is dropped; {@code auto} without a BOM takes UTF-8
 * when the first 64 KiB are valid UTF-8, else GB18030 (a superset of GBK). Only those candidates
 * occur in the data we ingest, and a validity check is exact where a statistical detector such as
 * ICU's guesses (short Chinese texts are often misread as Big5 or EUC). Undecodable bytes become
 * U+FFFD, which the parser turns into a quarantine reason.
 */
final class Decoding {
  static final char REPLACEMENT = '\uFFFD';
  private static final int SNIFF = 64 * 1024;

  private Decoding() {}

  static Reader reader(InputStream in, String encoding) throws IOException {
    BOMInputStream bom =
        BOMInputStream.builder()
            .setInputStream(in)
            .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE)
            .get();
    Charset charset;
    InputStream body = bom;
    if (bom.hasBOM()) {
      charset = Charset.forName(bom.getBOMCharsetName());
    } else if (encoding.equals("auto")) {
      BufferedInputStream buffered = new BufferedInputStream(bom, SNIFF);
      buffered.mark(SNIFF);
      byte[] head = buffered.readNBytes(SNIFF);
      buffered.reset();
      charset = validUtf8(head) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
      body = buffered;
    } else {
      charset = Charset.forName(encoding);
    }
    return new InputStreamReader(
        body,
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  /** Valid UTF-8, allowing a multi-byte sequence cut at the end of the sample. */
  static boolean validUtf8(byte[] head) {
    int end = head.length;
    for (int back = 1; back <= 3 && end - back >= 0; back++) {
      int b = head[end - back] & 0xFF;
      if (b >= 0xC0) {
        end -= back;
        break;
      }
      if (b < 0x80) {
        break;
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Arrays.copyOf(head, end)));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
