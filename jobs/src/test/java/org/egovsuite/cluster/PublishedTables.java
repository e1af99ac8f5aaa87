package org.egovsuite.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.Table;
import org.apache.spark.sql.SparkSession;
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
   * @param expected the warehouse of a local run
   * @param actual the warehouse of the other run (any Hadoop URI; its own catalog)
   */
  public static void assertSame(SparkSession spark, String expected, String actual) {
    assertSame(spark, expected, actual, java.util.Map.of());
  }

  /**
   * @param catalog the other run's profile catalog properties (empty: its warehouse's own)
   */
  public static void assertSame(
      SparkSession spark, String expected, String actual, java.util.Map<String, String> catalog) {
    try (Warehouse wanted = new Warehouse(expected, spark.sparkContext().hadoopConfiguration());
        Warehouse have =
            new Warehouse(actual, spark.sparkContext().hadoopConfiguration(), catalog)) {
      List<String> names = wanted.catalog().tables();
      // 13 tables of the UN, provincial and Chilean indicators, 23 of Indicators II, the
      // dictionary.
      assertThat(names).hasSize(37);
      assertThat(have.catalog().tables()).isEqualTo(names);
      for (String name : names) {
        Table want = wanted.catalog().load(name);
        Table got = have.catalog().load(name);
        List<String> columns = SnapshotRows.columns(want, want.currentSnapshot().snapshotId());
        assertThat(SnapshotRows.columns(got, got.currentSnapshot().snapshotId()))
            .as(name + " columns")
            .isEqualTo(columns);
        assertThat(rows(got, columns))
            .as(name + " rows")
            .containsExactlyInAnyOrderElementsOf(rows(want, columns));
      }
    }
  }

  private static List<String> rows(Table table, List<String> columns) {
    List<String> out = new ArrayList<>();
    SnapshotRows.read(
        table,
        table.currentSnapshot().snapshotId(),
        row -> {
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
