package org.egovsuite.indicators.dictionary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.indicators.kinds.IndicatorKinds;
import org.egovsuite.indicators.stats.DisplayRounding;
import org.egovsuite.stage.RowColumns;

/**
 * The data dictionary published with the tables: one row per table and column with its type (from
 * the written Parquet schema), unit, meaning in English and Chinese, and formula — built from the
 * indicator definitions and the engine's own column list, and for tables computed from data that is
 * not real, which inputs are synthetic (column {@code synthetic}). A column nobody described stops
 * the stage: an undocumented figure must not reach analysts.
 */
public final class DataDictionary {
  public static final String TABLE = "data_dictionary";
  public static final String TABLE_NAME = "table_name";
  public static final String COLUMN_NAME = "column_name";
  private static final ColumnMeaning SOURCE_FILE =
      ColumnMeaning.of("", "input file the row came from", "来源文件");
  private static final ColumnMeaning SOURCE_LINE =
      ColumnMeaning.of("", "line of the row in its input file", "来源行号");
  private static final ColumnMeaning ROW_FLAGS =
      ColumnMeaning.of("", "flags the dataset definition set on the row", "行标记（数据集定义设置）");

  private DataDictionary() {}

  /**
   * @param definitions per table, the indicator that computed it (as the indicators stage recorded)
   * @param synthetic per table, what it is computed from that is not real data ("" for published
   *     data), repeated on each of its rows so a reader of any column is told
   */
  public static Dataset<Row> of(
      SparkSession spark,
      PipelineConfig config,
      Map<String, StructType> tables,
      Map<String, String> definitions,
      Map<String, String> synthetic) {
    List<Row> rows = new ArrayList<>();
    List<String> undocumented = new ArrayList<>();
    for (Map.Entry<String, StructType> table : tables.entrySet()) {
      Optional<IndicatorDefinition> definition =
          config.indicators().stream()
              .filter(d -> d.name().equals(definitions.get(table.getKey())))
              .findFirst();
      Map<String, ColumnMeaning> own = definition.map(IndicatorKinds::columns).orElse(Map.of());
      for (StructField field : table.getValue().fields()) {
        Optional<ColumnMeaning> meaning = meaning(field.name(), own, table.getKey());
        if (meaning.isEmpty()) {
          undocumented.add(table.getKey() + "." + field.name());
          continue;
        }
        ColumnMeaning m = meaning.get();
        rows.add(
            RowFactory.create(
                table.getKey(),
                field.name(),
                field.dataType().simpleString(),
                m.unit(),
                m.en(),
                m.zh(),
                m.formula(),
                definition.map(IndicatorDefinition::file).orElse("conf/pipeline.yaml"),
                synthetic.getOrDefault(table.getKey(), "")));
      }
    }
    if (!undocumented.isEmpty()) {
      throw new IllegalStateException(
          "no data dictionary entry for "
              + String.join(", ", undocumented)
              + "; describe them in the indicator definition or org.egovsuite.indicators.dictionary");
    }
    return spark.createDataFrame(rows, schema());
  }

  private static Optional<ColumnMeaning> meaning(
      String column, Map<String, ColumnMeaning> own, String table) {
    if (column.endsWith(DisplayRounding.SUFFIX)) {
      String base = column.substring(0, column.length() - DisplayRounding.SUFFIX.length());
      return meaning(base, own, table)
          .map(
              m ->
                  new ColumnMeaning(
                      m.unit(),
                      m.en() + ", rounded half-up to 2 decimals for display",
                      m.zh() + "（四舍五入保留两位小数，供展示）",
                      "round_half_up(" + base + ", 2)"));
    }
    if (column.equals("units") && table.endsWith("_correlation")) {
      return Optional.of(
          ColumnMeaning.of(
              "units", "units having both the index and the covariate", "同时有指数和协变量的单位数"));
    }
    if (own.containsKey(column)) {
      return Optional.of(own.get(column));
    }
    if (table.startsWith("egdi_")) {
      Optional<ColumnMeaning> egdi = EgdiColumnMeanings.meaning(column);
      if (egdi.isPresent()) {
        return egdi;
      }
    }
    return switch (column) {
      case RowColumns.SOURCE_FILE -> Optional.of(SOURCE_FILE);
      case RowColumns.SOURCE_LINE -> Optional.of(SOURCE_LINE);
      case RowColumns.ROW_FLAGS -> Optional.of(ROW_FLAGS);
      default -> CommonColumns.meaning(column);
    };
  }

  private static StructType schema() {
    StructType schema = new StructType();
    for (String name :
        List.of(
            "table_name",
            "column_name",
            "data_type",
            "unit",
            "meaning_en",
            "meaning_zh",
            "formula",
            "defined_in",
            "synthetic")) {
      schema = schema.add(name, DataTypes.StringType, false);
    }
    return schema;
  }
}
