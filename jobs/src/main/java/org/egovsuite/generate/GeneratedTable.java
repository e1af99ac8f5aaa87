package org.egovsuite.generate;

import java.io.Serializable;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One generated dataset: its header, how many records a scale gives, each record as fields, and
 * where each kind of fault goes. Implementations are pure functions of the record number and its
 * random stream.
 */
interface GeneratedTable extends Serializable {
  enum Format { CSV, JSON_LINES }

  /** The dataset name (conf/datasets/&lt;name&gt;.yaml reads the output). */
  String name();

  /** Identifies the table's random streams; never reuse one. */
  int stream();

  Format format();

  /** Java charset name of the files. */
  String charset();

  /** Whether files start with a byte-order mark (as Excel-saved exports do). */
  default boolean bom() {
    return false;
  }

  default String lineEnding() {
    return "\n";
  }

  List<String> header();

  long records(GeneratorConfig config, double scale, int cities);

  /** The record's fields in header order; harmless spellings are counted into {@code tally}. */
  String[] record(long i, SplittableRandom random, Tally tally);

  /** Field blanked by a NULL fault (a column the quality rules require). */
  int nullField();

  /** Field given an impossible value by an OUT_OF_RANGE fault. */
  int outOfRangeField();

  String outOfRangeValue(String[] fields, SplittableRandom random);

  /** Text field an unquoted comma is appended to by a MALFORMED fault (CSV). */
  int malformedField();
}
