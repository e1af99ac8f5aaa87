package org.egovsuite.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.DatasetDefinition;
import scala.collection.JavaConverters;

/**
 * Turns one file's records into rows of {@link IngestColumns#parsedSchema}: typed values for a
 * good record, or a quarantine reason plus the raw text for a bad one. Lazy, so a large file
 * streams through an executor without being held in memory.
 */
final class RecordParser implements Serializable {
  private final DatasetDefinition dataset;
  private final List<String> files;
  private final ValueParser values;
  /** Number of value columns before the provenance columns. */
  private final int width;

  /** @param files the job's input files in order: a row carries its file's index */
  RecordParser(DatasetDefinition dataset, List<String> files) {
    this.dataset = dataset;
    this.width = IngestColumns.parsedSchema(dataset).size() - 4;
    this.files = files;
    this.values = new ValueParser(dataset.nullValues());
  }

  Iterator<Row> parse(InputFile file, FileLayout layout, InputStream in) throws IOException {
    return parse(file, layout, RecordSource.open(dataset, file.path(), in));
  }

  Iterator<Row> parse(InputFile file, FileLayout layout, RecordSource source) {
    int fileIndex = files.indexOf(file.path());
    Iterator<SourceRecord> records = source.records();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        boolean more = records.hasNext();
        if (!more) {
          try {
            source.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return more;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return toRow(fileIndex, layout, records.next());
      }
    };
  }

  Row toRow(int fileIndex, FileLayout layout, SourceRecord record) {
    List<Object> out = new ArrayList<>();
    String reason = problem(layout, record);
    if (reason == null) {
      try {
        typed(layout, record.fields(), out);
      } catch (IllegalArgumentException e) {
        reason = e.getMessage();
      }
    }
    if (reason != null) {
      out.clear();
      for (int i = 0; i < width; i++) {
        out.add(null);
      }
    }
    out.add(fileIndex);
    out.add(record.line());
    out.add(reason);
    out.add(reason == null ? null : record.raw());
    return RowFactory.create(out.toArray());
  }

  private String problem(FileLayout layout, SourceRecord record) {
    if (record.error() != null) {
      return record.error();
    }
    String raw = record.raw() == null ? "" : record.raw();
    if (raw.indexOf('\u0000') >= 0) {
      return "record contains a NUL byte";
    }
    if (raw.indexOf(Decoding.REPLACEMENT) >= 0) {
      return "record has bytes that are not valid " + dataset.encoding();
    }
    String[] fields = record.fields();
    if (fields.length < layout.fields()) {
      return "expected " + layout.fields() + " fields as in the header, found " + fields.length;
    }
    for (int i = layout.fields(); i < fields.length; i++) {
      // Exports often end rows with empty fields past the header (NBS: "北京市,1.0,,,"); only
      // values there mean the row does not fit the header.
      if (fields[i] != null && !fields[i].isBlank()) {
        return "found " + fields.length + " fields, more than the " + layout.fields() + " in the header";
      }
    }
    return null;
  }

  private void typed(FileLayout layout, String[] fields, List<Object> out) {
    for (int i = 0; i < dataset.columns().size(); i++) {
      add(out, dataset.columns().get(i), fields[layout.indexes()[i]]);
    }
    if (dataset.unpivot() != null) {
      List<Row> pairs = new ArrayList<>();
      for (int j = 0; j < layout.unpivotIndexes().length; j++) {
        List<Object> pair = new ArrayList<>();
        add(pair, dataset.unpivot().key(), layout.unpivotKeys()[j]);
        add(pair, dataset.unpivot().value(), fields[layout.unpivotIndexes()[j]]);
        pairs.add(RowFactory.create(pair.toArray()));
      }
      // Spark's row encoder takes arrays as Scala sequences when rows come from an RDD.
      out.add(JavaConverters.asScalaBuffer(pairs).toList());
    }
    for (String constant : layout.constants()) {
      out.add(constant);
    }
  }

  private void add(List<Object> out, ColumnSpec column, String text) {
    ParsedValue parsed;
    try {
      parsed = values.parse(text, column);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("column " + column.name() + ": " + e.getMessage());
    }
    out.add(parsed.value());
    if (column.recordsUnit()) {
      out.add(parsed.unit());
    }
  }
}
