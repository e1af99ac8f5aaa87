package org.egovsuite.generate;

import java.io.Serializable;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One generated dataset: its file layout, where each kind of fault goes, and each record as fields.
 * Subclasses are pure functions of the record number and its random stream.
 */
abstract class GeneratedTable implements Serializable {
  enum Format {
    CSV,
    JSON_LINES
  }

  /**
   * How a table's files look and where its faults go.
   *
   * @param stream identifies the table's random streams; never reuse one
   * @param charset Java charset name of the files
   * @param bom whether files start with a byte-order mark (as Excel-saved exports do)
   * @param nullField field blanked by a NULL fault (a column the quality rules require)
   * @param outOfRangeField field given an impossible value by an OUT_OF_RANGE fault
   * @param malformedField text field an unquoted comma is appended to by a MALFORMED fault (CSV)
   */
  record Layout(
      String name,
      int stream,
      Format format,
      String charset,
      boolean bom,
      String lineEnding,
      List<String> header,
      int nullField,
      int outOfRangeField,
      int malformedField)
      implements Serializable {}

  private final Layout layout;
  protected final Cities cities;
  protected final List<Integer> years;
  protected final Messiness.Rates rates;

  GeneratedTable(Layout layout, Cities cities, GeneratorConfig config) {
    this.layout = layout;
    this.cities = cities;
    this.years = config.years();
    this.rates = config.ratesFor(layout.name());
  }

  /** The dataset name (conf/datasets/&lt;name&gt;.yaml reads the output). */
  String name() {
    return layout.name();
  }

  int stream() {
    return layout.stream();
  }

  Format format() {
    return layout.format();
  }

  String charset() {
    return layout.charset();
  }

  boolean bom() {
    return layout.bom();
  }

  String lineEnding() {
    return layout.lineEnding();
  }

  List<String> header() {
    return layout.header();
  }

  int nullField() {
    return layout.nullField();
  }

  int outOfRangeField() {
    return layout.outOfRangeField();
  }

  int malformedField() {
    return layout.malformedField();
  }

  /** The scaled row count of conf/generator.yaml; a table with a fixed size overrides it. */
  long records(GeneratorConfig config, double scale, int cityCount) {
    return config.rows(name(), scale);
  }

  /** The record's fields in header order; harmless spellings are counted into {@code tally}. */
  abstract String[] record(long i, SplittableRandom random, Tally tally);

  abstract String outOfRangeValue(String[] fields, SplittableRandom random);
}
