package org.egovsuite.ingest;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.egovsuite.config.DatasetDefinition;

/** Parser settings and decoding shared by the header check (driver) and parsing (executors). */
final class CsvFormat {
  private CsvFormat() {}

  static CsvParser parser(DatasetDefinition dataset) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.getFormat().setDelimiter(dataset.delimiter());
    settings.setLineSeparatorDetectionEnabled(true);
    settings.setNumberOfRowsToSkip(dataset.skipLines());
    settings.setMaxCharsPerColumn(-1);
    settings.setMaxColumns(4096);
    // Raw values are kept as read; trimming is a standardisation step that records the original.
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setIgnoreLeadingWhitespacesInQuotes(false);
    settings.setIgnoreTrailingWhitespacesInQuotes(false);
    settings.setSkipEmptyLines(true);
    return new CsvParser(settings);
  }

  /** Decodes with the dataset's charset after dropping any byte-order mark. */
  static Reader reader(InputStream in, DatasetDefinition dataset) throws IOException {
    BOMInputStream withoutBom = BOMInputStream.builder()
        .setInputStream(in)
        .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE)
        .get();
    return new InputStreamReader(withoutBom, Charset.forName(dataset.encoding()));
  }
}
