package org.egovsuite.ingest;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.SourceFormat;

/**
 * CSV through univocity, the parser inside Spark's own CSV reader, used directly because Spark's
 * reader cannot report the line number and raw text of a bad record. Lines above the header are
 * kept as the preamble; the first record whose first field matches a footer pattern ends the data.
 */
final class CsvRecordSource implements RecordSource {
  private final CsvParser parser;
  private final List<Pattern> footer = new ArrayList<>();
  private final List<String> preamble = new ArrayList<>();
  private final String file;
  private final String[] header;
  /** Line where the previous record (or the header) ended; the next record starts after it. */
  private long lastEnd;

  CsvRecordSource(DatasetDefinition dataset, String file, InputStream in) throws IOException {
    this.file = file;
    SourceFormat format = dataset.format();
    parser = new CsvParser(settings(format));
    parser.beginParsing(new LineEndings(Decoding.reader(in, format.encoding())));
    format.footer().forEach(p -> footer.add(Pattern.compile(p)));
    for (int i = 0; i < format.skipLines(); i++) {
      if (parser.parseNext() == null) {
        break;
      }
      preamble.add(stripLineEnd(parser.getContext().currentParsedContent()));
    }
    header = parser.parseNext();
    lastEnd = parser.getContext().currentLine();
  }

  /**
   * A headerless slice of a file that starts at line {@code firstLine} (see {@link SplitCsvReader});
   * the slice is decoded with the dataset's explicit encoding.
   */
  CsvRecordSource(DatasetDefinition dataset, String file, InputStream slice, long firstLine) throws IOException {
    this.file = file;
    SourceFormat format = dataset.format();
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
    return new PrefetchIterator<>() {
      @Override
      protected SourceRecord computeNext() {
        while (true) {
          String[] fields;
          try {
            fields = parser.parseNext();
          } catch (TextParsingException e) {
            throw new UncheckedIOException(new IOException(file + ":" + (lastEnd + 1)
                + ": cannot parse CSV: " + e.getMessage().lines().findFirst().orElse(""), e));
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
          // The line end stays on: cutting it would copy every record's text, and the text is
          // written only for the few that are quarantined (RecordParser cuts it there).
          return new SourceRecord(start, parser.getContext().currentParsedContent(), fields);
        }
      }
    };
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
