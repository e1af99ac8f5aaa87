package org.egovsuite.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.stage.RowColumns;

/**
 * Names of the columns ingest uses on its way (the provenance it adds is {@link RowColumns}), and
 * the schema of a parsed dataset.
 */
public final class IngestColumns {
  /** The record's text as read, kept for quarantined rows so a steward can see it. */
  public static final String RAW_RECORD = "raw_record";

  /** Wide-to-long pairs of a record, exploded into key and value rows once accepted. */
  static final String UNPIVOTED = "unpivoted";

  public static final String UNIT_SUFFIX = "_unit";

  private IngestColumns() {}

  static StructType parsedSchema(DatasetDefinition dataset) {
    List<StructField> fields = new ArrayList<>();
    for (ColumnSpec column : dataset.columns()) {
      addWithUnit(fields, column);
    }
    if (dataset.unpivot() != null) {
      List<StructField> pair = new ArrayList<>();
      addWithUnit(pair, dataset.unpivot().key());
      addWithUnit(pair, dataset.unpivot().value());
      fields.add(
          DataTypes.createStructField(
              UNPIVOTED, DataTypes.createArrayType(DataTypes.createStructType(pair)), true));
    }
    dataset
        .constants()
        .forEach(
            (constant, spec) ->
                fields.add(DataTypes.createStructField(constant, spec.type().sparkType(), true)));
    // The record's file as its index in the job's file list, stored as it is; the manifest puts
    // the provenance columns beside it.
    fields.add(DataTypes.createStructField(ProvenanceManifest.INDEX, DataTypes.IntegerType, false));
    fields.add(DataTypes.createStructField(RowColumns.SOURCE_LINE, DataTypes.LongType, true));
    fields.add(DataTypes.createStructField(RowColumns.SOURCE_LINES, DataTypes.IntegerType, true));
    fields.add(
        DataTypes.createStructField(RowColumns.QUARANTINE_REASON, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(RAW_RECORD, DataTypes.StringType, true));
    return DataTypes.createStructType(fields);
  }

  private static void addWithUnit(List<StructField> fields, ColumnSpec column) {
    fields.add(DataTypes.createStructField(column.name(), column.type().sparkType(), true));
    if (column.recordsUnit()) {
      fields.add(
          DataTypes.createStructField(column.name() + UNIT_SUFFIX, DataTypes.StringType, true));
    }
  }
}
