package org.egovsuite.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.publish.JsonFiles;
import org.egovsuite.publish.TableLineage;
import org.egovsuite.publish.TableVersions;
import org.egovsuite.publish.Warehouse;

/**
 * Compares the tables two runs published: by the content hashes of their lineage where the rows
 * name no input location, row for row (location columns left out) otherwise.
 */
public final class PublishedTables {
  /** Columns that name where a run read its inputs or config, not what it computed. */
  private static final Set<String> LOCATION_COLUMNS = Set.of("source_file", "defined_in");

  private PublishedTables() {}

  /**
   * Compares the current versions of every table.
   *
   * @param expected the warehouse of a local run
   * @param actual the warehouse of the other run (any Hadoop URI)
   */
  public static void assertSame(SparkSession spark, String expected, String actual) {
    Warehouse wanted = new Warehouse(expected, spark.sparkContext().hadoopConfiguration());
    Warehouse have = new Warehouse(actual, spark.sparkContext().hadoopConfiguration());
    List<String> names = wanted.publishedTables().stream().map(TableVersions::name).toList();
    // 13 tables of the UN, provincial and Chilean indicators, 23 of Indicators II, the dictionary.
    assertThat(names).hasSize(37);
    assertThat(have.publishedTables().stream().map(TableVersions::name).toList()).isEqualTo(names);
    for (String name : names) {
      TableLineage expectedLineage = lineage(wanted, name);
      TableLineage actualLineage = lineage(have, name);
      if (expectedLineage.columns().stream().noneMatch(LOCATION_COLUMNS::contains)) {
        // The rows of both versions, hashed in order by the publishing runs; equal hashes are equal
        // content, anything else is compared row by row below for the message.
        assertThat(actualLineage.columns()).as(name + " columns").isEqualTo(expectedLineage.columns());
        if (actualLineage.contentSha256().equals(expectedLineage.contentSha256())) {
          continue;
        }
      }
      Dataset<Row> want = comparable(spark.read().parquet(wanted.versions(name).currentPath()));
      Dataset<Row> got = comparable(spark.read().parquet(have.versions(name).currentPath()));
      assertThat(got.columns()).as(name + " columns").containsExactly(want.columns());
      assertThat(got.count()).as(name + " rows").isEqualTo(want.count());
      assertThat(want.exceptAll(got).count()).as(name + ": rows of the local run missing").isZero();
      assertThat(got.exceptAll(want).count()).as(name + ": rows the local run does not have").isZero();
    }
  }

  private static TableLineage lineage(Warehouse warehouse, String table) {
    return JsonFiles.read(warehouse, warehouse.versions(table).currentPath() + "/" + TableVersions.LINEAGE,
        TableLineage.class);
  }

  private static Dataset<Row> comparable(Dataset<Row> table) {
    Dataset<Row> out = table;
    for (String column : LOCATION_COLUMNS) {
      out = out.drop(column);
    }
    return out;
  }
}
