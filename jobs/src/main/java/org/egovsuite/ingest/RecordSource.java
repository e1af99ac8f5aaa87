package org.egovsuite.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import org.egovsuite.config.DatasetDefinition;

/**
 * Reads one file of a dataset as a header and a stream of records. One implementation per format;
 * all of them stream, so a file never has to fit in memory (except xlsx, see there).
 */
public interface RecordSource extends Closeable {
  /** Lines above the header (csv {@code skip_lines}), for constants taken from them. */
  List<String> preamble();

  /** Field names in file order. */
  String[] header();

  Iterator<SourceRecord> records();

  /**
   * @param raw the file's bytes as stored; decompressed here when the file is compressed
   */
  static RecordSource open(DatasetDefinition dataset, String file, InputStream raw)
      throws IOException {
    InputStream in = Compression.of(dataset, file).open(raw, file);
    return switch (dataset.format().kind()) {
      case "csv" -> new CsvRecordSource(dataset, file, in);
      case "xlsx" -> new XlsxRecordSource(dataset, file, in);
      case "json" -> new JsonRecordSource(dataset, file, in);
      default ->
          throw new IllegalArgumentException(
              dataset.format().kind() + " is read by Spark, not a RecordSource");
    };
  }
}
