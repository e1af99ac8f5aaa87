package org.egovsuite.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.DatasetDefinition;

/** Names of the columns ingest adds to every dataset, and the schema of a parsed dataset. */
public final class IngestColumns {
  public static final String SOURCE_FILE = "source_file";
  /** Line of the source file where the record starts (1-based), the xlsx row, or the json record number. */
  public static final String SOURCE_LINE = "source_line";
  /**
   * Physical lines the record covers (csv; 1 for other formats): summed per file, with the
   * header, blank and footer lines, to the file's line count, so no line goes unaccounted.
   */
  public static final String SOURCE_LINES = "source_lines";
  public static final String SOURCE_SHA256 = "source_sha256";
  public static final String RUN_ID = "ingest_run_id";
  public static final String INGESTED_AT = "ingested_at";
  /** Why the record was quarantined; null for accepted rows. */
  public static final String QUARANTINE_REASON = "quarantine_reason";
  /** The record's text as read, kept for quarantined rows so a steward can see it. */
  public static final String RAW_RECORD = "raw_record";
  /** Wide-to-long pairs of a record, exploded into key and value rows once accepted. */
  static final String UNPIVOTED = "unpivoted";
  public static final String UNIT_SUFFIX = "_unit";
  /** Index of the record's file in the job's file list; replaced by the provenance columns. */
  static final String FILE_INDEX = "file_index";

  public static final List<String> PROVENANCE = List.of(SOURCE_FILE, SOURCE_LINE, SOURCE_LINES, SOURCE_SHA256, RUN_ID, INGESTED_AT);

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
      fields.add(DataTypes.createStructField(UNPIVOTED,
          DataTypes.createArrayType(DataTypes.createStructType(pair)), true));
    }
    dataset.constants().forEach((constant, spec) ->
        fields.add(DataTypes.createStructField(constant, spec.type().sparkType(), true)));
    fields.add(DataTypes.createStructField(FILE_INDEX, DataTypes.IntegerType, false));
    fields.add(DataTypes.createStructField(SOURCE_LINE, DataTypes.LongType, true));
    fields.add(DataTypes.createStructField(SOURCE_LINES, DataTypes.IntegerType, true));
    fields.add(DataTypes.createStructField(QUARANTINE_REASON, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(RAW_RECORD, DataTypes.StringType, true));
    return DataTypes.createStructType(fields);
  }

  private static void addWithUnit(List<StructField> fields, ColumnSpec column) {
    fields.add(DataTypes.createStructField(column.name(), column.type().sparkType(), true));
    if (column.recordsUnit()) {
      fields.add(DataTypes.createStructField(column.name() + UNIT_SUFFIX, DataTypes.StringType, true));
    }
  }
}
