package org.egovsuite.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.ConstantSpec;
import org.egovsuite.config.DatasetDefinition;

/**
 * Where each mapped column sits in one file, which columns are unpivoted (and their keys), and the
 * file's constants. Worked out on the driver before any task runs, so a file without a mapped
 * column fails at once with one clear message instead of a task failure.
 *
 * @param indexes source field index of every mapped column, in definition order
 * @param unpivotIndexes source field index of every unpivoted column
 * @param unpivotKeys the key text of every unpivoted column (the pattern's first group)
 * @param constants value of every constant column, in definition order
 * @param fields number of header fields
 */
record FileLayout(
    int[] indexes, int[] unpivotIndexes, String[] unpivotKeys, String[] constants, int fields)
    implements Serializable {

  static Map<String, FileLayout> of(
      DatasetDefinition dataset, List<InputFile> files, Configuration hadoop) {
    Map<String, FileLayout> out = new LinkedHashMap<>();
    for (InputFile file : files) {
      Path path = new Path(file.path());
      try (InputStream in = path.getFileSystem(hadoop).open(path);
          RecordSource source = RecordSource.open(dataset, file.path(), in)) {
        out.put(file.path(), of(dataset, file.path(), source));
      } catch (IOException e) {
        throw new InputException(file.path() + ": cannot read: " + e.getMessage(), e);
      } catch (org.apache.poi.UnsupportedFileFormatException
          | org.apache.poi.ooxml.POIXMLException e) {
        throw new InputException(file.path() + ": not an XLSX workbook: " + e.getMessage(), e);
      }
    }
    return out;
  }

  static FileLayout of(DatasetDefinition dataset, String file, RecordSource source) {
    String[] header = source.header();
    if (header == null) {
      throw new InputException(
          file
              + ": file is empty; expected "
              + (dataset.format().header()
                  ? "a header row with "
                      + String.join(
                          ", ", dataset.columns().stream().map(ColumnSpec::source).toList())
                  : "records (csv.header: false)"));
    }
    List<String> names = new ArrayList<>();
    for (String h : header) {
      names.add(h == null ? "" : h.strip());
    }
    if (names.stream().anyMatch(n -> n.indexOf(Decoding.REPLACEMENT) >= 0)) {
      throw new InputException(
          file
              + ": header has bytes that are not valid "
              + dataset.encoding()
              + "; is the encoding right? header is "
              + names);
    }
    int[] indexes = new int[dataset.columns().size()];
    for (int i = 0; i < indexes.length; i++) {
      ColumnSpec column = dataset.columns().get(i);
      int first = names.indexOf(column.source());
      if (first < 0) {
        throw missingColumn(dataset, file, column, names);
      }
      if (names.lastIndexOf(column.source()) != first) {
        throw new InputException(
            file
                + ": header has column '"
                + column.source()
                + "' twice; cannot tell which one maps to "
                + column.name());
      }
      indexes[i] = first;
    }
    List<Integer> unpivot = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    if (dataset.unpivot() != null) {
      Pattern pattern = Pattern.compile(dataset.unpivot().pattern());
      for (int i = 0; i < names.size(); i++) {
        Matcher m = pattern.matcher(names.get(i));
        if (m.find()) {
          unpivot.add(i);
          keys.add(m.group(1));
        }
      }
      if (unpivot.isEmpty()) {
        throw new InputException(
            file
                + ": no header column matches the unpivot pattern '"
                + dataset.unpivot().pattern()
                + "' of "
                + dataset.file()
                + "; header is "
                + names);
      }
    }
    return new FileLayout(
        indexes,
        unpivot.stream().mapToInt(Integer::intValue).toArray(),
        keys.toArray(String[]::new),
        constants(dataset, file, source.preamble()),
        header.length);
  }

  /**
   * A mapped column the header lacks. When the header itself looks like data (numbers where names
   * stand, and no mapped name found), the file probably has no header line: reading on would
   * silently take its first record for one, so the message says where and what to set.
   */
  private static InputException missingColumn(
      DatasetDefinition dataset, String file, ColumnSpec column, List<String> names) {
    List<String> numbers = names.stream().filter(FileLayout::looksLikeData).toList();
    boolean noneFound = dataset.columns().stream().noneMatch(c -> names.contains(c.source()));
    if (noneFound && !numbers.isEmpty() && dataset.format().kind().equals("csv")) {
      int line = dataset.format().skipLines() + 1;
      return new InputException(
          file
              + ": line "
              + line
              + ", read as the header, looks like data ("
              + numbers.size()
              + " of its "
              + names.size()
              + " fields are numbers, e.g. '"
              + shown(numbers.get(0))
              + "', and no mapped column"
              + " name is found); if the file has no header line, set csv.header: false in "
              + dataset.file()
              + " and give each column's position as its source");
    }
    return new InputException(
        file
            + ": header has no column '"
            + column.source()
            + "' (mapped to "
            + column.name()
            + " in "
            + dataset.file()
            + "); header is "
            + shown(names.toString()));
  }

  /** A number, possibly signed, grouped or with a decimal point: not a column name. */
  private static boolean looksLikeData(String field) {
    return field.matches("[-+]?[0-9][0-9,]*(\\.[0-9]+)?([eE][-+]?[0-9]+)?%?");
  }

  private static String shown(String text) {
    return text.length() <= 300 ? text : text.substring(0, 299) + "…";
  }

  /** A constant's value found in the file's path; a path that does not match stops the dataset. */
  static String fromPath(DatasetDefinition dataset, String file, String name, ConstantSpec spec) {
    String value = spec.fromPath(file);
    if (value == null) {
      throw new InputException(
          file
              + ": the file's path does not match '"
              + spec.pathPattern()
              + "' for constant "
              + name
              + " (from_path in "
              + dataset.file()
              + ")");
    }
    return value;
  }

  private static String[] constants(DatasetDefinition dataset, String file, List<String> preamble) {
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, ConstantSpec> e : dataset.constants().entrySet()) {
      ConstantSpec spec = e.getValue();
      if (spec.literal() != null) {
        values.add(spec.literal());
        continue;
      }
      if (spec.pathPattern() != null) {
        values.add(fromPath(dataset, file, e.getKey(), spec));
        continue;
      }
      Pattern pattern = Pattern.compile(spec.pattern());
      String found =
          preamble.stream()
              .map(pattern::matcher)
              .filter(Matcher::find)
              .map(m -> m.groupCount() > 0 ? m.group(1) : m.group())
              .findFirst()
              .orElseThrow(
                  () ->
                      new InputException(
                          file
                              + ": no line above the header matches '"
                              + spec.pattern()
                              + "' for constant "
                              + e.getKey()
                              + "; lines above the header: "
                              + preamble));
      values.add(found.strip());
    }
    return values.toArray(String[]::new);
  }
}
