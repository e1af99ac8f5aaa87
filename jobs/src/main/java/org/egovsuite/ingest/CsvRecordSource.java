package org.egovsuite.ingest;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.SourceFormat;

/**
 * CSV through univocity, the parser inside Spark's own CSV reader, used directly because Spark's
 * reader cannot report the line number and raw text of a bad record. Lines above the header are
 * kept as the preamble; the first record whose first field matches a footer pattern ends the data.
 *
 * <p>Unless the definition allows multi-line fields ({@code csv.multiline: true}), a record is one
 * physical line: when the parser returns a record that spans lines (a quote opened and not closed
 * on its line), each of those lines is parsed again on its own, and a line whose quotes do not pair
 * up is quarantined with the line range. A stray quote then costs one line, never the records after
 * it (univocity alone would read on to the next quote and merge the lines between).
 */
final class CsvRecordSource implements RecordSource {
  private final CsvParser parser;
  private final List<Pattern> footer = new ArrayList<>();
  private final List<String> preamble = new ArrayList<>();
  private final String file;
  private final String[] header;
  private final boolean multiline;
  private final char quote;

  /** Parses one line on its own: the lines of a record that spanned lines where none may. */
  private final CsvParser lineParser;

  /** Records split from a record that spanned lines, still to be returned. */
  private final Deque<SourceRecord> pending = new ArrayDeque<>();

  /** Line where the previous record (or the header) ended; the next record starts after it. */
  private long lastEnd;

  CsvRecordSource(DatasetDefinition dataset, String file, InputStream in) throws IOException {
    this.file = file;
    SourceFormat format = dataset.format();
    multiline = format.multiline();
    quote = format.quote();
    lineParser = new CsvParser(settings(format));
    parser = new CsvParser(settings(format));
    parser.beginParsing(new LineEndings(Decoding.reader(in, format.encoding())));
    format.footer().forEach(p -> footer.add(Pattern.compile(p)));
    for (int i = 0; i < format.skipLines(); i++) {
      if (parser.parseNext() == null) {
        break;
      }
      preamble.add(stripLineEnd(parser.getContext().currentParsedContent()));
    }
    if (format.header()) {
      header = parser.parseNext();
      lastEnd = parser.getContext().currentLine();
    } else {
      lastEnd = parser.getContext().currentLine();
      header = positions(dataset, records.peek());
    }
  }

  /**
   * The header of a file without one: the column positions "1", "2", … as wide as its first record
   * (and at least as wide as the definition's highest position); null for an empty file.
   */
  private static String[] positions(DatasetDefinition dataset, SourceRecord first) {
    if (first == null) {
      return null;
    }
    int width =
        dataset.columns().stream().mapToInt(c -> Integer.parseInt(c.source())).max().orElse(0);
    if (first.fields() != null) {
      width = Math.max(width, first.fields().length);
    }
    String[] names = new String[width];
    for (int i = 0; i < width; i++) {
      names[i] = Integer.toString(i + 1);
    }
    return names;
  }

  /**
   * A headerless slice of a file that starts at line {@code firstLine} (see {@link
   * SplitCsvReader}); the slice is decoded with the dataset's explicit encoding.
   */
  CsvRecordSource(DatasetDefinition dataset, String file, InputStream slice, long firstLine)
      throws IOException {
    this.file = file;
    SourceFormat format = dataset.format();
    multiline = format.multiline();
    quote = format.quote();
    lineParser = new CsvParser(settings(format));
    parser = new CsvParser(settings(format));
    parser.beginParsing(new LineEndings(Decoding.reader(slice, format.encoding())));
    header = null;
    lastEnd = firstLine - 1;
    // univocity numbers the slice's lines from 1; records() adds the offset.
    offset = firstLine - 1;
  }

  /** Lines before the start of what the parser reads (0 for a whole file). */
  private long offset;

  static CsvParserSettings settings(SourceFormat format) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.getFormat().setDelimiter(format.delimiter());
    settings.getFormat().setQuote(format.quote());
    settings.getFormat().setQuoteEscape(format.quote());
    // univocity skips lines starting with '#' by default: a data row would vanish unaccounted.
    settings.getFormat().setComment('\0');
    settings.getFormat().setLineSeparator("\n");
    settings.setMaxCharsPerColumn(-1);
    settings.setMaxColumns(16_384);
    // Raw values are kept as read; trimming is a standardisation step that records the original.
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setIgnoreLeadingWhitespacesInQuotes(false);
    settings.setIgnoreTrailingWhitespacesInQuotes(false);
    // Blank lines are skipped by records() itself, so that record start lines stay exact.
    settings.setSkipEmptyLines(false);
    settings.setNullValue("");
    settings.setEmptyValue("");
    return settings;
  }

  @Override
  public List<String> preamble() {
    return preamble;
  }

  @Override
  public String[] header() {
    return header;
  }

  @Override
  public Iterator<SourceRecord> records() {
    return records;
  }

  /**
   * The records, read once: a file without a header line is read one record ahead for its width.
   */
  private final PrefetchIterator<SourceRecord> records =
      new PrefetchIterator<>() {
        @Override
        protected SourceRecord computeNext() {
          while (true) {
            if (!pending.isEmpty()) {
              return pending.poll();
            }
            String[] fields;
            try {
              fields = parser.parseNext();
            } catch (TextParsingException e) {
              throw new UncheckedIOException(
                  new IOException(
                      file
                          + ":"
                          + (lastEnd + 1)
                          + ": cannot parse CSV: "
                          + e.getMessage().lines().findFirst().orElse(""),
                      e));
            }
            if (fields == null || isFooter(fields)) {
              parser.stopParsing();
              return null;
            }
            long start = lastEnd + 1;
            lastEnd = offset + parser.getContext().currentLine();
            if (fields.length == 1 && (fields[0] == null || fields[0].isBlank())) {
              continue; // a blank line
            }
            String raw = parser.getContext().currentParsedContent();
            if (lastEnd > start) {
              // Univocity counts one line too many for a quote left open at the end of the input:
              // a record across lines covers the lines of its own text.
              lastEnd = start + linesOf(raw) - 1;
            }
            if (!multiline && lastEnd > start) {
              splitIntoLines(start, raw);
              continue;
            }
            // The line end stays on: cutting it would copy every record's text, and the text is
            // written only for the few that are quarantined (RecordParser cuts it there).
            return new SourceRecord(
                start, (int) (lastEnd - start + 1), raw, unquoteSpaced(fields), null);
          }
        }
      };

  /**
   * The lines of a record that spanned lines {@code start} to {@link #lastEnd}, each parsed on its
   * own; a line whose quotes do not pair up is a record with an error naming the range.
   */
  private void splitIntoLines(long start, String raw) {
    String[] lines = stripLineEnd(raw).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      long number = start + i;
      if (line.isBlank()) {
        continue;
      }
      if (!quotesPair(line)) {
        pending.add(
            new SourceRecord(
                number,
                line,
                null,
                "line "
                    + number
                    + " has a quote ("
                    + quote
                    + ") that is not closed on the line: lines "
                    + start
                    + "-"
                    + lastEnd
                    + " would read as one record, and this dataset does not allow fields across lines"
                    + " (csv.multiline: true allows them)"));
      } else {
        pending.add(new SourceRecord(number, line, unquoteSpaced(lineParser.parseLine(line))));
      }
    }
  }

  /** Lines of a record's text: its line ends, plus a last line without one. */
  private static int linesOf(String raw) {
    int lines = 0;
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) == '\n') {
        lines++;
      }
    }
    return raw.isEmpty() || raw.charAt(raw.length() - 1) == '\n' ? Math.max(1, lines) : lines + 1;
  }

  /** Whether the quote characters of a line pair up (an escaped quote is two quotes). */
  private boolean quotesPair(String line) {
    int count = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == quote) {
        count++;
      }
    }
    return count % 2 == 0;
  }

  /**
   * {@code "Denmark "} read as {@code Denmark }: white space before an opening quote is not part of
   * the value, as in Python's csv module with skipinitialspace and in pandas. Univocity already
   * drops white space after a closing quote ({@code "Denmark" ,}), but with leading white space
   * kept (unquoted values are recorded as read) it would take the quotes for data.
   */
  private String[] unquoteSpaced(String[] fields) {
    for (int i = 0; i < fields.length; i++) {
      String f = fields[i];
      if (f == null || f.isEmpty() || !Character.isWhitespace(f.charAt(0))) {
        continue;
      }
      String stripped = f.strip();
      if (stripped.length() >= 2
          && stripped.charAt(0) == quote
          && stripped.charAt(stripped.length() - 1) == quote) {
        String q = String.valueOf(quote);
        fields[i] = stripped.substring(1, stripped.length() - 1).replace(q + q, q);
      }
    }
    return fields;
  }

  private boolean isFooter(String[] fields) {
    if (footer.isEmpty() || fields.length == 0 || fields[0] == null) {
      return false;
    }
    String first = fields[0].strip();
    return footer.stream().anyMatch(p -> p.matcher(first).find());
  }

  static String stripLineEnd(String raw) {
    if (raw == null) {
      return null;
    }
    int end = raw.length();
    if (end > 0 && raw.charAt(end - 1) == '\n') {
      end--;
    }
    if (end > 0 && raw.charAt(end - 1) == '\r') {
      end--;
    }
    return end == raw.length() ? raw : raw.substring(0, end);
  }

  @Override
  public void close() {
    parser.stopParsing();
  }
}
