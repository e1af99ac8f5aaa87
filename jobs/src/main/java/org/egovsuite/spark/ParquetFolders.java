package org.egovsuite.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a folder of Parquet files that Spark wrote (not partitioned into sub-folders), taking the
 * schema from one file's footer on the driver. Spark's reader, given no schema, runs a Spark job to
 * read that same footer (ParquetUtils.inferSchema → mergeSchemasInParallel, even for one file): the
 * default run read its own folders ~60 times, one small job each. Spark writes its schema into
 * every file's footer under {@link #SPARK_SCHEMA}; that is what its job reads, and what is read
 * here. A folder without it (written by another tool), or missing, is read the usual way.
 */
public final class ParquetFolders {
  static final String SPARK_SCHEMA = "org.apache.spark.sql.parquet.row.metadata";

  private ParquetFolders() {}

  public static Dataset<Row> read(SparkSession spark, String folder) {
    return schema(folder, spark.sparkContext().hadoopConfiguration())
        .map(s -> spark.read().schema(s).parquet(folder))
        .orElseGet(() -> spark.read().parquet(folder));
  }

  /** The schema Spark wrote into the folder's first data file, nullable as Spark reads it. */
  static Optional<StructType> schema(String folder, Configuration hadoop) {
    Path path = new Path(folder);
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      Optional<FileStatus> first =
          Arrays.stream(fs.listStatus(path))
              .filter(f -> f.isFile() && f.getPath().getName().endsWith(".parquet"))
              .filter(f -> !f.getPath().getName().startsWith("_"))
              .min(Comparator.comparing(f -> f.getPath().getName()));
      if (first.isEmpty()) {
        return Optional.empty();
      }
      try (ParquetFileReader reader =
          ParquetFileReader.open(HadoopInputFile.fromStatus(first.get(), hadoop))) {
        String json = reader.getFooter().getFileMetaData().getKeyValueMetaData().get(SPARK_SCHEMA);
        if (json == null || !(DataType.fromJson(json) instanceof StructType written)) {
          return Optional.empty();
        }
        return Optional.of((StructType) nullable(written));
      }
    } catch (java.io.FileNotFoundException e) {
      // No such folder: Spark's own read reports it, as it did before this class.
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Parquet footer in " + folder, e);
    }
  }

  /**
   * Spark reads every file column as nullable, nested ones too (its StructType.asNullable, which is
   * internal to Spark).
   */
  static DataType nullable(DataType type) {
    if (type instanceof StructType struct) {
      return new StructType(
          Arrays.stream(struct.fields())
              .map(f -> new StructField(f.name(), nullable(f.dataType()), true, f.metadata()))
              .toArray(StructField[]::new));
    }
    if (type instanceof ArrayType array) {
      return new ArrayType(nullable(array.elementType()), true);
    }
    if (type instanceof MapType map) {
      return new MapType(nullable(map.keyType()), nullable(map.valueType()), true);
    }
    return type;
  }
}
