package org.egovsuite.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.util.SerializableConfiguration;
import org.egovsuite.config.DatasetDefinition;

/**
 * Reads a large single-line CSV file in parallel byte ranges, like Hadoop's line reader, while
 * keeping exact line numbers: a first pass counts the newlines of every range (a fast byte scan),
 * so each range knows the number of its first line before it parses. A range owns the lines that
 * start inside it. Only for files whose records never span lines ({@code csv.multiline: false}),
 * without footer patterns, in an encoding where byte 0x0A is always a newline (UTF-8, GBK, GB18030,
 * ASCII, ISO-8859-x; not UTF-16), and not compressed.
 */
final class SplitCsvReader implements Serializable {
  /** Default range size; files larger than the range size are split. */
  static final long SPLIT_BYTES = 64L << 20;

  private static final long MIN_RANGE_BYTES = 4L << 20;

  /** Files per task slot at which whole files already keep the slots evenly busy. */
  static final int FILES_PER_SLOT = 4;

  private final DatasetDefinition dataset;
  private final RecordParser parser;
  private final SerializableConfiguration hadoop;
  private final long rangeBytes;

  SplitCsvReader(
      DatasetDefinition dataset, RecordParser parser, Configuration hadoop, long rangeBytes) {
    this.dataset = dataset;
    this.parser = parser;
    this.hadoop = new SerializableConfiguration(hadoop);
    this.rangeBytes = rangeBytes;
  }

  /** Whether this file is read in ranges: see the class comment for the conditions. */
  boolean applies(InputFile file) {
    String encoding = dataset.encoding();
    return dataset.format().kind().equals("csv")
        && !dataset.format().multiline()
        && Compression.of(dataset, file.path()) == Compression.NONE
        && dataset.format().footer().isEmpty()
        && file.bytes() > rangeBytes
        && !encoding.equals("auto")
        && newlineIsOneByte(Charset.forName(encoding));
  }

  private static boolean newlineIsOneByte(Charset charset) {
    byte[] nl = "\n".getBytes(charset);
    return nl.length == 1 && nl[0] == '\n' && "a\n".getBytes(charset).length == 2;
  }

  /**
   * The size above which a file of a dataset of {@code datasetBytes} is read in ranges, and the
   * largest range: the limit, or a {@link #FILES_PER_SLOT}th of a slot's share of the dataset when
   * that is larger. A split costs a first pass over the file's bytes (and a Spark job) to number
   * its lines; it pays when a file is large against the work per slot, which one task reading it
   * whole would draw out alone. Among many files it does not: 100 files of 72 MB on 2 slots took
   * 100 counting jobs, 18 s before the first row was parsed (BENCHMARKS.md). Spark sizes its own
   * splits from the bytes per slot in the same way ({@code FilePartition.maxSplitBytes}).
   */
  static long splitAbove(long datasetBytes, long limit, int slots) {
    return Math.max(limit, datasetBytes / ((long) Math.max(1, slots) * FILES_PER_SLOT));
  }

  /** A byte range of a file and the number of the first line it owns. */
  record Range(int index, long start, long end, long firstLine) implements Serializable {}

  JavaRDD<InternalRow> read(JavaSparkContext jsc, InputFile file, FileLayout layout) {
    long dataStart = dataStart(file);
    long size = rangeSize(file.bytes() - dataStart, rangeBytes, jsc.defaultParallelism());
    List<Range> ranges = new ArrayList<>();
    for (long s = dataStart; s < file.bytes(); s += size) {
      ranges.add(new Range(ranges.size(), s, Math.min(s + size, file.bytes()), 0));
    }
    List<Long> lineStarts =
        jsc.parallelize(ranges, ranges.size()).map(r -> lineStarts(file, dataStart, r)).collect();
    // The first data line follows the preamble and the header (if the file has one).
    long line = dataset.format().linesAboveData() + 1;
    List<Range> numbered = new ArrayList<>();
    for (Range r : ranges) {
      numbered.add(new Range(r.index(), r.start(), r.end(), line));
      line += lineStarts.get(r.index());
    }
    return jsc.parallelize(numbered, numbered.size())
        .flatMap(r -> parse(file, layout, dataStart, r));
  }

  /**
   * Ranges of at most {@code limit} bytes, as many as a whole number of waves of the cluster's task
   * slots, of equal size: with 25 ranges on 2 slots the last range would run alone while the other
   * slot idles; with 26 slightly smaller ones both finish together. A file of fewer ranges than
   * slots is cut into one range per slot, but no range under 4 MiB (Spark's own smallest split
   * worth a task, {@code spark.sql.files.openCostInBytes}).
   */
  static long rangeSize(long bytes, long limit, int slots) {
    long perWave = Math.max(1, slots);
    long count = Math.max(1, ceilDiv(bytes, limit));
    count =
        count < perWave
            ? Math.max(count, Math.min(perWave, bytes / MIN_RANGE_BYTES))
            : ceilDiv(count, perWave) * perWave;
    return Math.max(1, ceilDiv(bytes, count));
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  /** Byte offset of the first data line: past the preamble and the header line, if any. */
  private long dataStart(InputFile file) {
    try (InputStream in = new BufferedInputStream(open(file.path()), 1 << 16)) {
      long offset = 0;
      int lines = dataset.format().linesAboveData();
      int b;
      while (lines > 0 && (b = in.read()) >= 0) {
        offset++;
        if (b == '\n') {
          lines--;
        }
      }
      return offset;
    } catch (IOException e) {
      throw new InputException(file.path() + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Lines starting in [start, end). A line starts at the data start and after every newline, so
   * they are the newlines in [start − 1, end − 1) (from the data start for the first range): these
   * byte windows tile the file, and a final newline starts no line.
   */
  private long lineStarts(InputFile file, long dataStart, Range r) throws IOException {
    long from = r.index() == 0 ? dataStart : r.start() - 1;
    long count = r.index() == 0 ? 1 : 0;
    try (FSDataInputStream in = open(file.path())) {
      in.seek(from);
      byte[] buffer = new byte[1 << 20];
      long left = r.end() - 1 - from;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          break;
        }
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            count++;
          }
        }
        left -= n;
      }
    }
    return count;
  }

  /** Parses the lines that start in the range: from the first line start at or after its start. */
  private java.util.Iterator<InternalRow> parse(
      InputFile file, FileLayout layout, long dataStart, Range r) throws IOException {
    long from = r.index() == 0 ? dataStart : nextLineStart(file, r.start());
    long to = r.end() >= file.bytes() ? file.bytes() : nextLineStart(file, r.end());
    FSDataInputStream in = open(file.path());
    in.seek(Math.min(from, file.bytes()));
    InputStream slice =
        BoundedInputStream.builder().setInputStream(in).setMaxCount(Math.max(0, to - from)).get();
    return parser.parse(
        file, layout, new CsvRecordSource(dataset, file.path(), slice, r.firstLine()));
  }

  /**
   * The first line start at or after {@code at}: just past the first newline at or after at − 1.
   */
  private long nextLineStart(InputFile file, long at) throws IOException {
    try (FSDataInputStream raw = open(file.path())) {
      raw.seek(at - 1);
      InputStream in = new BufferedInputStream(raw, 1 << 16);
      long position = at - 1;
      int b;
      while ((b = in.read()) >= 0) {
        position++;
        if (b == '\n') {
          return position;
        }
      }
      return file.bytes();
    }
  }

  private FSDataInputStream open(String file) throws IOException {
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(hadoop.value());
    return fs.open(path);
  }
}
