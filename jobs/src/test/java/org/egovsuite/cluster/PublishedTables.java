package org.egovsuite.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.iceberg.Table;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.indicators.dictionary.DataDictionary;
import org.egovsuite.warehouse.SnapshotRows;
import org.egovsuite.warehouse.Warehouse;

/**
 * Compares what two runs published: main of every table, read with Iceberg's own reader (not
 * Spark), row for row as multisets, leaving out the columns that name where a run read its inputs
 * or config.
 */
public final class PublishedTables {
  /** Columns that name where a run read its inputs or config, not what it computed. */
  private static final Set<String> LOCATION_COLUMNS = Set.of("source_file", "defined_in");

  private PublishedTables() {}

  /**
   * @param expected the warehouse of a local run of the default pipeline
   * @param actual the warehouse of the other run of the same pipeline (any Hadoop URI; its own
   *     catalog)
   */
  public static void assertSame(SparkSession spark, String expected, String actual) {
    assertSame(spark, expected, actual, java.util.Map.of(), null);
  }

  /**
   * @param catalog the other run's profile catalog properties (empty: its warehouse's own)
   * @param tables what the other run published, when it ran a part of the default pipeline: those
   *     tables and their rows of the data dictionary are compared (null: the 37 tables of the
   *     default pipeline)
   */
  public static void assertSame(
      SparkSession spark,
      String expected,
      String actual,
      java.util.Map<String, String> catalog,
      List<String> tables) {
    try (Warehouse wanted = new Warehouse(expected, spark.sparkContext().hadoopConfiguration());
        Warehouse have =
            new Warehouse(actual, spark.sparkContext().hadoopConfiguration(), catalog)) {
      List<String> names = wanted.catalog().tables();
      // 13 tables of the UN, provincial and Chilean indicators, 23 of Indicators II, the
      // dictionary.
      assertThat(names).hasSize(37);
      List<String> compared = tables == null ? names : tables;
      if (tables == null) {
        assertThat(have.catalog().tables()).isEqualTo(names);
      } else {
        assertThat(have.catalog().tables()).containsExactlyInAnyOrderElementsOf(tables);
        assertThat(names).containsAll(tables);
      }
      for (String name : compared) {
        Table want = wanted.catalog().load(name);
        Table got = have.catalog().load(name);
        List<String> columns = SnapshotRows.columns(want, want.currentSnapshot().snapshotId());
        assertThat(SnapshotRows.columns(got, got.currentSnapshot().snapshotId()))
            .as(name + " columns")
            .isEqualTo(columns);
        // The dictionary describes the tables a run published: a part of the pipeline publishes
        // the part of it about those tables.
        int described = columns.indexOf(DataDictionary.TABLE_NAME);
        Predicate<Object[]> kept =
            name.equals(DataDictionary.TABLE) && tables != null
                ? row -> compared.contains(String.valueOf(row[described]))
                : row -> true;
        List<String> wantedRows = rows(want, columns, kept);
        assertThat(rows(got, columns, row -> true))
            .as(name + " rows")
            .containsExactlyInAnyOrderElementsOf(wantedRows);
      }
    }
  }

  private static List<String> rows(Table table, List<String> columns, Predicate<Object[]> wanted) {
    List<String> out = new ArrayList<>();
    SnapshotRows.read(
        table,
        table.currentSnapshot().snapshotId(),
        row -> {
          if (!wanted.test(row)) {
            return;
          }
          Object[] kept = row.clone();
          for (int i = 0; i < kept.length; i++) {
            if (LOCATION_COLUMNS.contains(columns.get(i))) {
              kept[i] = null;
            }
          }
          out.add(Arrays.deepToString(kept));
        });
    return out;
  }
}
