package org.egovsuite.ingest;

import com.univocity.parsers.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.DatasetDefinition;

/**
 * Reads each file's header on the driver, before any task runs, so a file without a mapped
 * column fails at once with one clear message instead of a task failure.
 */
final class HeaderMapping {
  private HeaderMapping() {}

  /** The source field index of every mapped column, in definition order, and the field count. */
  record Layout(int[] indexes, int fields) implements java.io.Serializable {}

  /** For each file path: its layout. */
  static Map<String, Layout> of(DatasetDefinition dataset, List<InputFile> files, Configuration hadoop) {
    Map<String, Layout> out = new HashMap<>();
    for (InputFile file : files) {
      String[] header = header(dataset, file.path(), hadoop);
      out.put(file.path(), new Layout(indexes(dataset, file.path(), header), header.length));
    }
    return out;
  }

  static String[] header(DatasetDefinition dataset, String file, Configuration hadoop) {
    Path path = new Path(file);
    try (InputStream in = path.getFileSystem(hadoop).open(path)) {
      CsvParser parser = CsvFormat.parser(dataset);
      parser.beginParsing(CsvFormat.reader(in, dataset));
      String[] header = parser.parseNext();
      parser.stopParsing();
      if (header == null) {
        throw new InputException(file + ": file is empty; expected a header row with "
            + String.join(", ", dataset.columns().stream().map(ColumnSpec::source).toList()));
      }
      return header;
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  static int[] indexes(DatasetDefinition dataset, String file, String[] header) {
    List<String> names = new ArrayList<>();
    for (String h : header) {
      names.add(h == null ? "" : h.strip());
    }
    int[] indexes = new int[dataset.columns().size()];
    for (int i = 0; i < indexes.length; i++) {
      ColumnSpec column = dataset.columns().get(i);
      int first = names.indexOf(column.source());
      if (first < 0) {
        throw new InputException(file + ": header has no column '" + column.source()
            + "' (mapped to " + column.name() + " in " + dataset.file() + "); header is "
            + Arrays.toString(names.toArray()));
      }
      if (names.lastIndexOf(column.source()) != first) {
        throw new InputException(file + ": header has column '" + column.source()
            + "' twice; cannot tell which one maps to " + column.name());
      }
      indexes[i] = first;
    }
    return indexes;
  }
}
