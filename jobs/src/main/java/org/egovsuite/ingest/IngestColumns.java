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
  /** Line of the source file where the record ends (1-based; the header is line 1 + skip_lines). */
  public static final String SOURCE_LINE = "source_line";
  public static final String SOURCE_SHA256 = "source_sha256";
  public static final String RUN_ID = "ingest_run_id";
  /** Why the record was quarantined; null for accepted rows. */
  public static final String QUARANTINE_REASON = "quarantine_reason";
  /** The record's text as read, kept for quarantined rows so a steward can see it. */
  public static final String RAW_RECORD = "raw_record";

  private IngestColumns() {}

  /** Mapped columns (typed) then provenance then the quarantine pair. */
  static StructType parsedSchema(DatasetDefinition dataset) {
    List<StructField> fields = new ArrayList<>();
    for (ColumnSpec column : dataset.columns()) {
      fields.add(DataTypes.createStructField(column.name(), column.type().sparkType(), true));
    }
    fields.add(DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(SOURCE_LINE, DataTypes.LongType, false));
    fields.add(DataTypes.createStructField(SOURCE_SHA256, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(RUN_ID, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(QUARANTINE_REASON, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(RAW_RECORD, DataTypes.StringType, true));
    return DataTypes.createStructType(fields);
  }
}
