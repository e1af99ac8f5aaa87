package org.egovsuite.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our Parquet folders read with the footer's schema: as Spark reads them, without its job. */
class ParquetFoldersTest {
  private final SparkSession spark = SparkTest.session();

  @Test
  void sameSchemaAndRowsAsSparksOwnReadAndNoJobToFindTheSchema(@TempDir Path dir) {
    String folder = dir.resolve("t").toString();
    // Non-null columns, a non-null array of non-null strings, a nested struct and a map: Spark's
    // reader makes all of them nullable, at every depth.
    spark
        .sql(
            "SELECT id, CAST(id AS STRING) AS name, array('a', 'b') AS tags,"
                + " named_struct('x', id, 'y', 'y') AS pair, map('k', id) AS m,"
                + " CAST(id / 3 AS DECIMAL(10, 2)) AS share FROM range(5)")
        .repartition(2)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(folder);

    Dataset<Row> spark1 = spark.read().parquet(folder);
    JobCounter.Counted<Dataset<Row>> ours =
        JobCounter.count(spark.sparkContext(), "read", () -> ParquetFolders.read(spark, folder));

    assertThat(ours.jobs()).isZero();
    assertThat(ours.value().schema()).isEqualTo(spark1.schema());
    assertThat(ours.value().orderBy("id").collectAsList())
        .isEqualTo(spark1.orderBy("id").collectAsList());
  }

  @Test
  void aFolderWithoutSparksSchemaOrMissingIsReadTheUsualWay(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    assertThat(
            ParquetFolders.schema(
                dir.resolve("empty").toString(), spark.sparkContext().hadoopConfiguration()))
        .isEmpty();
    assertThat(
            ParquetFolders.schema(
                dir.resolve("missing").toString(), spark.sparkContext().hadoopConfiguration()))
        .isEmpty();
    // and a missing folder gets Spark's own error, naming the path
    assertThatThrownBy(() -> ParquetFolders.read(spark, dir.resolve("missing").toString()))
        .hasMessageContaining("missing");
  }
}
