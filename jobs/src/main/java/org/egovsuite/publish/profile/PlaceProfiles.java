package org.egovsuite.publish.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.Table;
import org.egovsuite.config.ConfigException;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.indicators.kinds.IndicatorKind;
import org.egovsuite.indicators.kinds.IndicatorKinds;
import org.egovsuite.publish.DuckDbQuery;
import org.egovsuite.warehouse.SnapshotLineage;
import org.egovsuite.warehouse.SyntheticLabel;
import org.egovsuite.warehouse.TableCatalog;

/**
 * Builds a {@link PlaceProfile} from the published unit tables of the ranked indicators, with
 * DuckDB over main's data files (no Spark: a profile answers in seconds). A place is found by its
 * name as the table writes it, the start of it (浙江 finds 浙江省) or its code; a start that fits
 * several units is refused naming them.
 */
public final class PlaceProfiles {
  private static final int LIMIT = 10_000;

  private PlaceProfiles() {}

  public static PlaceProfile build(PipelineConfig config, TableCatalog catalog, String place) {
    List<PlaceProfile.Section> sections = new ArrayList<>();
    for (IndicatorDefinition definition : config.indicators()) {
      Optional<String> value = IndicatorKinds.rankedValue(definition);
      if (value.isEmpty() || !catalog.exists(definition.name())) {
        continue;
      }
      Table table = catalog.load(definition.name());
      if (table.currentSnapshot() == null) {
        continue;
      }
      find(catalog, definition, place)
          .ifPresent(unit -> sections.add(section(catalog, definition, table, value.get(), unit)));
    }
    if (sections.isEmpty()) {
      throw new ConfigException(
          "no published indicator has a unit named or coded '"
              + place
              + "'; ranked tables: "
              + String.join(
                  ", ",
                  config.indicators().stream()
                      .filter(d -> IndicatorKinds.rankedValue(d).isPresent())
                      .map(IndicatorDefinition::name)
                      .toList()));
    }
    return new PlaceProfile(place, Instant.now().toString(), sections);
  }

  private record Unit(String code, String name) {}

  /**
   * The unit the place names in this table: its exact name or code, else the one name it starts.
   */
  private static Optional<Unit> find(TableCatalog catalog, IndicatorDefinition d, String place) {
    String sql =
        "SELECT DISTINCT CAST("
            + id(d.unit())
            + " AS VARCHAR), "
            + id(d.unitName())
            + " FROM egov."
            + id(d.name())
            + " WHERE "
            + id(d.unitName())
            + " = "
            + text(place)
            + " OR CAST("
            + id(d.unit())
            + " AS VARCHAR) = "
            + text(place)
            + " OR starts_with("
            + id(d.unitName())
            + ", "
            + text(place)
            + ")";
    List<Unit> units = new ArrayList<>();
    for (List<Object> row : query(catalog, d.name(), sql)) {
      units.add(new Unit(String.valueOf(row.get(0)), String.valueOf(row.get(1))));
    }
    Optional<Unit> exact =
        units.stream().filter(u -> u.name().equals(place) || u.code().equals(place)).findFirst();
    if (exact.isPresent()) {
      return exact;
    }
    List<String> codes = units.stream().map(Unit::code).distinct().toList();
    if (codes.size() > 1) {
      throw new ConfigException(
          "'"
              + place
              + "' starts "
              + codes.size()
              + " units of "
              + d.name()
              + ": "
              + String.join(
                  ", ", units.stream().map(Unit::name).distinct().sorted().limit(12).toList())
              + "; give the whole name");
    }
    return units.stream().findFirst();
  }

  private static PlaceProfile.Section section(
      TableCatalog catalog, IndicatorDefinition d, Table table, String value, Unit unit) {
    String t = "egov." + id(d.name());
    String unitIs = "CAST(" + id(d.unit()) + " AS VARCHAR) = " + text(unit.code());
    List<PlaceProfile.Period> periods = new ArrayList<>();
    for (List<Object> r :
        query(
            catalog,
            d.name(),
            "SELECT CAST(p."
                + id(d.period())
                + " AS VARCHAR), p."
                + id(value)
                + ", "
                + column(table, "rank")
                + ", (SELECT count(*) FROM "
                + t
                + " o WHERE o."
                + id(d.period())
                + " = p."
                + id(d.period())
                + " AND o."
                + id(value)
                + " IS NOT NULL), "
                + column(table, "band")
                + ", "
                + column(table, "period_mean")
                + ", "
                + column(table, "diff_from_mean_pct")
                + ", "
                + column(table, "rank_change")
                + " FROM "
                + t
                + " p WHERE "
                + unitIs.replace(id(d.unit()), "p." + id(d.unit()))
                + " ORDER BY p."
                + id(d.period()))) {
      periods.add(
          new PlaceProfile.Period(
              String.valueOf(r.get(0)),
              number(r.get(1)),
              whole(r.get(2)),
              whole(r.get(3)) == null ? 0 : whole(r.get(3)),
              r.get(4) == null ? null : String.valueOf(r.get(4)),
              number(r.get(5)),
              number(r.get(6)),
              whole(r.get(7))));
    }
    PlaceProfile.Period latest = periods.get(periods.size() - 1);
    String inLatest = id(d.period()) + " = " + text(latest.period());
    List<PlaceProfile.Part> parts = new ArrayList<>();
    List<IndicatorKind.Part> defined = IndicatorKinds.parts(d);
    if (!defined.isEmpty()) {
      StringBuilder sql = new StringBuilder("SELECT ");
      for (IndicatorKind.Part part : defined) {
        sql.append("max(CASE WHEN ")
            .append(unitIs)
            .append(" THEN ")
            .append(id(part.column()))
            .append(" END), avg(")
            .append(id(part.column()))
            .append("), ");
      }
      List<Object> row =
          query(
                  catalog,
                  d.name(),
                  sql.append("count(*) FROM ")
                      .append(t)
                      .append(" WHERE ")
                      .append("CAST(")
                      .append(id(d.period()))
                      .append(" AS VARCHAR) = ")
                      .append(text(latest.period()))
                      .toString())
              .get(0);
      for (int i = 0; i < defined.size(); i++) {
        IndicatorKind.Part part = defined.get(i);
        parts.add(
            new PlaceProfile.Part(
                part.column(),
                part.title().en(),
                part.title().zh(),
                number(row.get(2 * i)),
                number(row.get(2 * i + 1))));
      }
      parts.sort(
          Comparator.comparing(
                  (PlaceProfile.Part p) -> p.diff() == null ? Double.NEGATIVE_INFINITY : p.diff())
              .reversed());
    }
    List<String> peers = new ArrayList<>();
    if (latest.band() != null) {
      for (List<Object> r :
          query(
              catalog,
              d.name(),
              "SELECT "
                  + id(d.unitName())
                  + " FROM "
                  + t
                  + " WHERE CAST("
                  + id(d.period())
                  + " AS VARCHAR) = "
                  + text(latest.period())
                  + " AND band = "
                  + text(latest.band())
                  + " AND NOT ("
                  + unitIs
                  + ") ORDER BY "
                  + (table.schema().findField("rank") == null ? id(d.unitName()) : "rank"))) {
        peers.add(String.valueOf(r.get(0)));
      }
    }
    SnapshotLineage lineage = SnapshotLineage.of(d.name(), table, table.currentSnapshot());
    List<String> caveats =
        lineage.inputs().stream()
            .filter(i -> !"PASSED".equals(i.verdict()))
            .map(
                i ->
                    String.format(
                        java.util.Locale.ROOT,
                        "input %s: quality %s, %,d of %,d rows quarantined",
                        i.dataset(),
                        i.verdict(),
                        i.rowsQuarantined(),
                        i.rowsChecked()))
            .toList();
    return new PlaceProfile.Section(
        d.name(),
        d.title().en(),
        d.title().zh(),
        unit.code(),
        unit.name(),
        table.currentSnapshot().snapshotId(),
        SyntheticLabel.of(table).orElse(null),
        caveats,
        periods,
        parts,
        peers);
  }

  private static List<List<Object>> query(TableCatalog catalog, String table, String sql) {
    return DuckDbQuery.run(catalog, sql, LIMIT, Set.of(table)).rows();
  }

  /**
   * The unit-table column {@code p.<name>} when the table has it, else NULL (a kind without it).
   */
  private static String column(Table table, String name) {
    return table.schema().findField(name) == null ? "NULL" : "p." + id(name);
  }

  private static String id(String column) {
    return DuckDbQuery.quoted(column);
  }

  private static String text(String value) {
    return DuckDbQuery.literal(value);
  }

  private static Double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }

  private static Long whole(Object value) {
    return value instanceof Number n ? n.longValue() : null;
  }
}
