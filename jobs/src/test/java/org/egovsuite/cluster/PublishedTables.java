package org.egovsuite.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Compares the tables two runs published, row for row. */
public final class PublishedTables {
  /** Columns that name where a run read its inputs or config, not what it computed. */
  private static final Set<String> LOCATION_COLUMNS = Set.of("source_file", "defined_in");

  private PublishedTables() {}

  /**
   * @param expected the tables folder of a local run (a local path)
   * @param actual the tables folder of the other run (any Hadoop URI)
   */
  public static void assertSame(SparkSession spark, File expected, String actual) {
    List<String> names = Arrays.stream(expected.listFiles(File::isDirectory)).map(File::getName).sorted().toList();
    // 13 tables of the UN, provincial and Chilean indicators, 23 of Indicators II, the dictionary.
    assertThat(names).hasSize(37);
    for (String name : names) {
      Dataset<Row> want = comparable(spark.read().parquet(new File(expected, name).getPath()));
      Dataset<Row> got = comparable(spark.read().parquet(actual + "/" + name));
      assertThat(got.columns()).as(name + " columns").containsExactly(want.columns());
      assertThat(got.count()).as(name + " rows").isEqualTo(want.count());
      assertThat(want.exceptAll(got).count()).as(name + ": rows of the local run missing").isZero();
      assertThat(got.exceptAll(want).count()).as(name + ": rows the local run does not have").isZero();
    }
  }

  private static Dataset<Row> comparable(Dataset<Row> table) {
    Dataset<Row> out = table;
    for (String column : LOCATION_COLUMNS) {
      out = out.drop(column);
    }
    return out;
  }
}
