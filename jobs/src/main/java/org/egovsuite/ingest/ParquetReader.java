package org.egovsuite.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.ConstantSpec;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.stage.RowColumns;

/**
 * Parquet inputs through Spark's reader: already typed, so there is nothing to quarantine per row;
 * a file whose column cannot be cast to the definition's type is an input error.
 */
final class ParquetReader {
  private ParquetReader() {}

  /**
   * @param files this part's files
   * @param datasetFiles every file of the dataset: a row carries its file's position there, to
   *     which {@link ProvenanceManifest#withIndex} adds the file's provenance
   */
  static Dataset<Row> read(
      SparkSession spark,
      DatasetDefinition dataset,
      List<InputFile> files,
      List<InputFile> datasetFiles) {
    Dataset<Row> all = null;
    for (InputFile file : files) {
      Dataset<Row> data = spark.read().parquet(file.path());
      List<Column> columns = new ArrayList<>();
      for (ColumnSpec c : dataset.columns()) {
        if (!Arrays.asList(data.columns()).contains(c.source())) {
          throw new InputException(
              file.path()
                  + ": Parquet file has no column '"
                  + c.source()
                  + "' (mapped to "
                  + c.name()
                  + " in "
                  + dataset.file()
                  + "); columns are "
                  + Arrays.toString(data.columns()));
        }
        columns.add(col("`" + c.source() + "`").cast(c.type().sparkType()).as(c.name()));
      }
      dataset
          .constants()
          .forEach(
              (name, spec) ->
                  columns.add(
                      lit(constant(dataset, file, name, spec))
                          .cast(spec.type().sparkType())
                          .as(name)));
      columns.add(lit(datasetFiles.indexOf(file)).as(ProvenanceManifest.INDEX));
      columns.add(lit(null).cast("long").as(RowColumns.SOURCE_LINE));
      columns.add(lit(null).cast("int").as(RowColumns.SOURCE_LINES));
      columns.add(lit(null).cast("string").as(RowColumns.QUARANTINE_REASON));
      columns.add(lit(null).cast("string").as(IngestColumns.RAW_RECORD));
      Dataset<Row> typed = data.select(columns.toArray(Column[]::new));
      all = all == null ? typed : all.unionByName(typed);
    }
    return all;
  }

  /**
   * A literal, or the value a from_path pattern finds in the file's path (from_header has no lines
   * here).
   */
  private static String constant(
      DatasetDefinition dataset, InputFile file, String name, ConstantSpec spec) {
    if (spec.pathPattern() == null) {
      return spec.literal();
    }
    return FileLayout.fromPath(dataset, file.path(), name, spec);
  }
}
