package org.egovsuite.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The schema readers see in a table version: Spark's own schema from a file footer (the writer
 * stores it as JSON under {@value #SPARK_SCHEMA}) plus the year folders' integer column — read
 * on the driver, where asking Spark to infer it costs a job per table.
 */
record TableSchema(StructType schema, List<String> partitions) {
  static final String SPARK_SCHEMA = "org.apache.spark.sql.parquet.row.metadata";

  static TableSchema of(SparkSession spark, Configuration hadoop, String folder) {
    try {
      Path path = new Path(folder);
      List<FileStatus> files = ParquetSealer.parquetFiles(path, hadoop);
      if (files.isEmpty()) {
        return new TableSchema(spark.read().parquet(folder).schema(), List.of());
      }
      List<String> partitions = ParquetSealer.partitionColumns(ParquetSealer.relative(path, files.get(0).getPath()));
      Map<String, String> footer = ParquetSealer.metadata(files.get(0).getPath().toString(), hadoop);
      if (!footer.containsKey(SPARK_SCHEMA)) {
        return new TableSchema(spark.read().parquet(folder).schema(), partitions);
      }
      StructType schema = (StructType) DataType.fromJson(footer.get(SPARK_SCHEMA));
      for (String partition : partitions) {
        // only integer year columns are partitioned (IndicatorStage), and Spark infers them as int
        schema = schema.add(partition, DataTypes.IntegerType, true);
      }
      return new TableSchema(schema, partitions);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }
}
