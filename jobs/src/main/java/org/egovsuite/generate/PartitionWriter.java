package org.egovsuite.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes one file of a generated table — records [first, end) — through the Hadoop file system, so
 * the output may be local, HDFS or S3. Runs inside a Spark task; the file depends only on the seed,
 * the table and the record numbers.
 */
final class PartitionWriter {
  private static final Pattern INTEGER = Pattern.compile("-?\\d+");
  private static final ObjectMapper JSON = new ObjectMapper();

  private PartitionWriter() {}

  static String fileName(GeneratedTable table, int file) {
    return String.format(
        java.util.Locale.ROOT,
        "part-%05d.%s",
        file,
        table.format() == GeneratedTable.Format.CSV ? "csv" : "jsonl");
  }

  static Tally write(
      GeneratedTable table, Messiness.Rates rates, long seed, long first, long end, String target) {
    Path path = new Path(target);
    // A private instance without checksum files: the output is data for others to read, and .crc
    // side files next to it would only confuse readers that list the folder.
    try (FileSystem fs = FileSystem.newInstance(path.toUri(), new Configuration())) {
      fs.setWriteChecksum(false);
      return write(table, rates, seed, first, end, fs, path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private static Tally write(
      GeneratedTable table,
      Messiness.Rates rates,
      long seed,
      long first,
      long end,
      FileSystem fs,
      Path path)
      throws IOException {
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(fs.create(path, true), Charset.forName(table.charset())),
            1 << 16)) {
      if (table.bom()) {
        out.write('\uFEFF');
      }
      if (table.format() == GeneratedTable.Format.CSV) {
        out.write(csvLine(table.header(), -1));
        out.write(table.lineEnding());
      }
      Tally tally = new Tally();
      for (long i = first; i < end; i++) {
        writeRecord(table, rates, seed, i, out, tally);
      }
      return tally;
    }
  }

  private static void writeRecord(
      GeneratedTable table, Messiness.Rates rates, long seed, long i, Writer out, Tally tally)
      throws IOException {
    SplittableRandom random = RowRandom.of(seed, table.stream(), i);
    Messiness.Fault fault = Messiness.fault(rates, random);
    tally.add(fault);
    String[] fields = table.record(i, random, tally);
    if (fault == Messiness.Fault.NULL) {
      fields[table.nullField()] = "";
    } else if (fault == Messiness.Fault.OUT_OF_RANGE) {
      fields[table.outOfRangeField()] = table.outOfRangeValue(fields, random);
    }
    String line = format(table, fields, fault == Messiness.Fault.MALFORMED);
    int copies = fault == Messiness.Fault.DUPLICATE ? 2 : 1;
    for (int c = 0; c < copies; c++) {
      out.write(line);
      out.write(table.lineEnding());
      tally.add(Tally.Kind.LINES);
    }
    tally.add(Tally.Kind.RECORDS);
  }

  private static String format(GeneratedTable table, String[] fields, boolean malformed) {
    if (table.format() == GeneratedTable.Format.CSV) {
      if (malformed) {
        // An address-like note with a bare comma: one field too many, as hand-edited exports have.
        fields[table.malformedField()] = fields[table.malformedField()] + ",城区";
        return csvLine(List.of(fields), table.malformedField());
      }
      return csvLine(List.of(fields), -1);
    }
    String json = jsonLine(table.header(), fields);
    // A record cut off mid-object, as a truncated export leaves it.
    return malformed ? json.substring(0, json.length() / 2) : json;
  }

  /**
   * RFC 4180 quoting (a field with a comma, quote or line break is quoted, quotes doubled); the
   * field {@code raw} is written as is. A few lines of code rather than a CSV writer because the
   * malformed records must break the format on purpose.
   */
  static String csvLine(List<String> fields, int raw) {
    StringBuilder out = new StringBuilder();
    for (int f = 0; f < fields.size(); f++) {
      if (f > 0) {
        out.append(',');
      }
      String v = fields.get(f);
      if (f != raw
          && (v.indexOf(',') >= 0
              || v.indexOf('"') >= 0
              || v.indexOf('\n') >= 0
              || v.indexOf('\r') >= 0)) {
        out.append('"').append(v.replace("\"", "\"\"")).append('"');
      } else {
        out.append(v);
      }
    }
    return out.toString();
  }

  /**
   * Integers are JSON numbers, blanks are null, the rest strings (full-width digits stay strings).
   */
  static String jsonLine(List<String> header, String[] fields) {
    ObjectNode node = JSON.createObjectNode();
    for (int f = 0; f < header.size(); f++) {
      String v = fields[f];
      if (v.isEmpty()) {
        node.putNull(header.get(f));
      } else if (INTEGER.matcher(v).matches() && v.length() < 18) {
        node.put(header.get(f), Long.parseLong(v));
      } else {
        node.put(header.get(f), v);
      }
    }
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
