package org.egovsuite.ingest;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.DatasetDefinition;

/**
 * Turns one file's records into rows of {@link IngestColumns#parsedSchema}: typed values for a
 * good record, or a quarantine reason plus the raw text for a bad one. Lazy, so a large file
 * streams through an executor without being held in memory.
 */
final class RecordParser implements Serializable {
  private final DatasetDefinition dataset;
  private final String runId;

  RecordParser(DatasetDefinition dataset, String runId) {
    this.dataset = dataset;
    this.runId = runId;
  }

  Iterator<Row> parse(InputFile file, HeaderMapping.Layout layout, InputStream in) throws IOException {
    CsvParser parser = CsvFormat.parser(dataset);
    parser.beginParsing(CsvFormat.reader(in, dataset));
    parser.parseNext(); // the header, already checked on the driver
    return new Iterator<>() {
      private String[] next = advance();

      private String[] advance() {
        try {
          String[] record = parser.parseNext();
          if (record == null) {
            parser.stopParsing();
          }
          return record;
        } catch (TextParsingException e) {
          throw new UncheckedIOException(new IOException(file.path() + ":" + e.getLineIndex()
              + ": cannot parse CSV: " + e.getMessage().lines().findFirst().orElse(""), e));
        }
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Row next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        long line = parser.getContext().currentLine();
        String raw = withoutLineEnd(parser.getContext().currentParsedContent());
        Row row = toRow(file, line, next, raw, layout);
        next = advance();
        return row;
      }
    };
  }

  private static String withoutLineEnd(String raw) {
    return raw == null ? null : raw.replaceFirst("\\r?\\n$", "");
  }

  Row toRow(InputFile file, long line, String[] fields, String raw, HeaderMapping.Layout layout) {
    int headerFields = layout.fields();
    int n = dataset.columns().size();
    Object[] values = new Object[n + 6];
    String reason = null;
    if (fields.length != headerFields) {
      reason = "expected " + headerFields + " fields as in the header, found " + fields.length;
    }
    for (int i = 0; i < n && reason == null; i++) {
      ColumnSpec column = dataset.columns().get(i);
      String text = fields[layout.indexes()[i]];
      try {
        values[i] = TypedValues.parse(text, column.type());
      } catch (NumberFormatException e) {
        reason = "column " + column.name() + ": '" + text + "' is not a valid " + column.type().name().toLowerCase();
      }
    }
    if (reason != null) {
      Arrays.fill(values, 0, n, null);
    }
    values[n] = file.path();
    values[n + 1] = line;
    values[n + 2] = file.sha256();
    values[n + 3] = runId;
    values[n + 4] = reason;
    values[n + 5] = reason == null ? null : raw;
    return RowFactory.create(values);
  }
}
