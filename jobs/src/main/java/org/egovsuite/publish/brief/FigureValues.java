package org.egovsuite.publish.brief;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.egovsuite.config.ConfigException;
import org.egovsuite.publish.DuckDbQuery;
import org.egovsuite.publish.ReadOnlyQuery;
import org.egovsuite.warehouse.SyntheticLabel;
import org.egovsuite.warehouse.TableCatalog;

/**
 * Runs one {@link BriefSpec.Figure} on main of the published tables and gives what a template
 * places: {@code rows} (each column printed by its format, {@code <column>_below} for a negative
 * number, {@code _first} and {@code _last}), the first row's columns at the top, a text column's
 * values joined per language ({@code <column>Zh}, {@code <column>En}), {@code any}, {@code count},
 * {@code year}, the synthetic-data note of the tables read ({@code synthetic}), and the unformatted
 * rows for charts.
 */
final class FigureValues {
  private static final int LIMIT = 10_000;

  /** A figure's values and the tables it read. */
  record Result(Map<String, Object> values, List<Map<String, Object>> raw, Set<String> tables) {}

  private FigureValues() {}

  /** Null when a table the figure reads has not been published (its section is then left out). */
  static Result run(
      DuckDbQuery.Session db, TableCatalog catalog, BriefSpec.Figure figure, String asked) {
    String sql = figure.sql();
    String year = null;
    if (figure.yearTable() != null) {
      if (!published(catalog, figure.yearTable())) {
        return null;
      }
      List<String> years =
          db
              .query(
                  "SELECT DISTINCT CAST("
                      + DuckDbQuery.quoted(figure.yearColumn())
                      + " AS VARCHAR) FROM egov."
                      + DuckDbQuery.quoted(figure.yearTable())
                      + " WHERE "
                      + DuckDbQuery.quoted(figure.yearColumn())
                      + " IS NOT NULL",
                  LIMIT)
              .rows()
              .stream()
              .map(r -> String.valueOf(r.get(0)))
              .toList();
      if (years.isEmpty()) {
        return null;
      }
      year = Periods.choose(years, asked);
      sql = sql.replace("{year}", year.matches("-?\\d+") ? year : DuckDbQuery.literal(year));
    }
    Set<String> tables;
    try {
      tables = new ReadOnlyQuery(TableCatalog.NAMESPACE).check(sql);
    } catch (ConfigException e) {
      throw new ConfigException(
          BriefSpec.FILE + ": figure '" + figure.name() + "': " + e.getMessage());
    }
    if (!tables.stream().allMatch(t -> published(catalog, t))) {
      return null;
    }
    DuckDbQuery.Result result;
    try {
      result = db.query(sql, LIMIT);
    } catch (ConfigException e) {
      throw new ConfigException(
          BriefSpec.FILE + ": figure '" + figure.name() + "': " + e.getMessage());
    }
    return new Result(values(figure, result, year, notes(catalog, tables)), raw(result), tables);
  }

  private static Map<String, Object> values(
      BriefSpec.Figure figure, DuckDbQuery.Result result, String year, String synthetic) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (List<Object> r : result.rows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int c = 0; c < result.columns().size(); c++) {
        String column = result.columns().get(c);
        Object value = r.get(c);
        if (value instanceof Number) {
          NumberFormat format =
              figure.formats().getOrDefault(column, NumberFormat.defaultFor(value));
          row.put(column, format.apply(value));
          row.put(column + "_below", Numbers.negative(value));
        } else {
          row.put(column, value == null ? "" : String.valueOf(value));
        }
      }
      rows.add(row);
    }
    // where a sentence lists rows, the template ends the last one differently
    // ({{^_last}}；{{/_last}})
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).put("_first", i == 0);
      rows.get(i).put("_last", i == rows.size() - 1);
    }
    Map<String, Object> out = new LinkedHashMap<>(rows.isEmpty() ? Map.of() : rows.get(0));
    for (int c = 0; c < result.columns().size(); c++) {
      String column = result.columns().get(c);
      int index = c;
      if (result.rows().stream()
          .allMatch(r -> r.get(index) == null || r.get(index) instanceof String)) {
        List<String> texts = result.rows().stream().map(r -> String.valueOf(r.get(index))).toList();
        out.put(column + "Zh", Names.zh(texts));
        out.put(column + "En", Names.en(texts));
      }
    }
    out.put("rows", rows);
    out.put("any", !rows.isEmpty());
    out.put("count", rows.size());
    if (year != null) {
      out.put("year", year);
    }
    out.put("synthetic", synthetic);
    return out;
  }

  private static List<Map<String, Object>> raw(DuckDbQuery.Result result) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (List<Object> r : result.rows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int c = 0; c < result.columns().size(); c++) {
        row.put(result.columns().get(c), r.get(c));
      }
      out.add(row);
    }
    return out;
  }

  /** The synthetic notes of the tables read, once each; null when every input is real. */
  private static String notes(TableCatalog catalog, Set<String> tables) {
    Set<String> notes = new LinkedHashSet<>();
    for (String t : tables) {
      SyntheticLabel.of(catalog.load(t)).ifPresent(notes::add);
    }
    return notes.isEmpty() ? null : String.join("; ", notes);
  }

  static boolean published(TableCatalog catalog, String table) {
    return catalog.exists(table) && catalog.load(table).currentSnapshot() != null;
  }
}
