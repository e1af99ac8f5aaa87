package org.egovsuite.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.unsafe.types.UTF8String;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.ColumnType;
import org.egovsuite.config.ConstantSpec;
import org.egovsuite.config.DatasetDefinition;

/**
 * Turns one file's records into rows of {@link IngestColumns#parsedSchema}: typed values for a good
 * record, or a quarantine reason plus the raw text for a bad one. Lazy, so a large file streams
 * through an executor without being held in memory. Rows are made in Spark's internal form
 * (UTF8String, days, microseconds), as Spark's own readers make them: building Java rows that
 * Spark's row encoder then converts cost a copy of every row.
 */
final class RecordParser implements Serializable {
  private final DatasetDefinition dataset;
  private final List<String> files;
  private final ValueParser values;

  /** Number of value columns before the provenance columns. */
  private final int width;

  /** Number of values in an unpivoted pair: key and value, each with its unit if recorded. */
  private final int pairWidth;

  /**
   * @param files the job's input files in order: a row carries its file's index
   */
  RecordParser(DatasetDefinition dataset, List<String> files) {
    this.dataset = dataset;
    this.width = IngestColumns.parsedSchema(dataset).size() - 5;
    this.pairWidth =
        dataset.unpivot() == null
            ? 0
            : 2
                + (dataset.unpivot().key().recordsUnit() ? 1 : 0)
                + (dataset.unpivot().value().recordsUnit() ? 1 : 0);
    this.files = files;
    this.values = new ValueParser(dataset.nullValues());
  }

  Iterator<InternalRow> parse(InputFile file, FileLayout layout, InputStream in)
      throws IOException {
    return parse(file, layout, RecordSource.open(dataset, file.path(), in));
  }

  Iterator<InternalRow> parse(InputFile file, FileLayout layout, RecordSource source) {
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
      public InternalRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return toRow(fileIndex, layout, records.next());
      }
    };
  }

  InternalRow toRow(int fileIndex, FileLayout layout, SourceRecord record) {
    Cells out = new Cells(width + 5);
    String reason = problem(layout, record);
    if (reason == null) {
      try {
        typed(layout, record.fields(), out);
      } catch (IllegalArgumentException e) {
        reason = e.getMessage();
      }
    }
    if (reason != null) {
      out = new Cells(width + 5);
      out.at = width; // a quarantined record's values are all null
    }
    out.add(fileIndex);
    out.add(record.line());
    out.add(record.lines());
    out.add(reason == null ? null : UTF8String.fromString(reason));
    out.add(
        reason == null ? null : UTF8String.fromString(CsvRecordSource.stripLineEnd(record.raw())));
    return new GenericInternalRow(out.values);
  }

  /** The values of a row being built, in schema order. */
  private static final class Cells {
    final Object[] values;
    int at;

    Cells(int size) {
      values = new Object[size];
    }

    void add(Object value) {
      values[at++] = value;
    }
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
        return "found "
            + fields.length
            + " fields, more than the "
            + layout.fields()
            + " in the header";
      }
    }
    return null;
  }

  private void typed(FileLayout layout, String[] fields, Cells out) {
    for (int i = 0; i < dataset.columns().size(); i++) {
      add(out, dataset.columns().get(i), fields[layout.indexes()[i]]);
    }
    if (dataset.unpivot() != null) {
      Object[] pairs = new Object[layout.unpivotIndexes().length];
      for (int j = 0; j < pairs.length; j++) {
        Cells pair = new Cells(pairWidth);
        add(pair, dataset.unpivot().key(), layout.unpivotKeys()[j]);
        add(pair, dataset.unpivot().value(), fields[layout.unpivotIndexes()[j]]);
        pairs[j] = new GenericInternalRow(pair.values);
      }
      out.add(new GenericArrayData(pairs));
    }
    int c = 0;
    for (Map.Entry<String, ConstantSpec> constant : dataset.constants().entrySet()) {
      String text = layout.constants()[c++];
      out.add(
          constant.getValue().type() == ColumnType.STRING
              ? UTF8String.fromString(text)
              : internal(constantValue(constant.getKey(), constant.getValue(), text)));
    }
  }

  /** A typed constant's text (from the path or the lines above the header) as its type. */
  private Object constantValue(String name, ConstantSpec spec, String text) {
    try {
      return values.parse(text, new ColumnSpec(name, name, spec.type())).value();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("constant " + name + ": " + e.getMessage());
    }
  }

  private void add(Cells out, ColumnSpec column, String text) {
    ParsedValue parsed;
    try {
      parsed = values.parse(text, column);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("column " + column.name() + ": " + e.getMessage());
    }
    out.add(internal(parsed.value()));
    if (column.recordsUnit()) {
      out.add(parsed.unit() == null ? null : UTF8String.fromString(parsed.unit()));
    }
  }

  /**
   * A parsed value in Spark's internal form: dates as days and timestamps as microseconds since
   * 1970-01-01 (UTC) in the proleptic Gregorian calendar, which is what java.time parsed them in.
   */
  private static Object internal(Object value) {
    if (value instanceof String text) {
      return UTF8String.fromString(text);
    }
    if (value instanceof LocalDate date) {
      return (int) date.toEpochDay();
    }
    if (value instanceof Instant time) {
      return DateTimeUtils.instantToMicros(time);
    }
    return value; // null, Integer, Long, Double, Boolean: the same in both forms
  }
}
