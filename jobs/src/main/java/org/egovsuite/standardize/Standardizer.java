package org.egovsuite.standardize;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.UnresolvedPolicy;
import org.egovsuite.ingest.IngestColumns;
import org.egovsuite.spark.LabelsWhere;
import org.egovsuite.stage.RowColumns;

/**
 * Applies a dataset's {@code standardize} steps and {@code flags}. Pure: a dataset in, a dataset
 * out. Where a step changed a value, the original is kept in {@code <column>_raw} (null where
 * nothing changed); resolving steps add {@code <column>_division_code} (6-digit division code) or
 * {@code <column>_iso3} (ISO 3166 alpha-3), and {@code <column>_match} (how it matched: code, name,
 * short_name, alias; null when unresolved). An unresolved value is kept as folded text, never
 * guessed.
 */
public final class Standardizer {
  /** Array of flag names that hold for the row (empty when none). */
  public static final String RAW_SUFFIX = "_raw";

  public static final String DIVISION_CODE_SUFFIX = "_division_code";
  public static final String ISO3_SUFFIX = "_iso3";
  public static final String MATCH_SUFFIX = "_match";

  /** What a column's steps return: the standardised value, its code and how it matched. */
  private static final StructType RESOLVED =
      new StructType()
          .add("name", DataTypes.StringType)
          .add("code", DataTypes.StringType)
          .add("method", DataTypes.StringType);

  private static final java.util.Set<String> RESOLVERS =
      org.egovsuite.config.DatasetDefinitionLoader.RESOLVERS;

  private Standardizer() {}

  public static Dataset<Row> apply(
      Dataset<Row> input, DatasetDefinition dataset, ReferenceData reference) {
    Dataset<Row> out = input;
    for (Map.Entry<String, List<String>> e : dataset.standardize().entrySet()) {
      String column = e.getKey();
      String resolverStep =
          e.getValue().stream().filter(RESOLVERS::contains).findFirst().orElse(null);
      List<String> textSteps = e.getValue().stream().filter(s -> !RESOLVERS.contains(s)).toList();
      ColumnSteps steps =
          new ColumnSteps(
              textSteps, resolverStep == null ? null : resolver(resolverStep, reference));
      String result = column + "__standardized";
      out =
          out.withColumn(result, udf((UDF1<String, Row>) steps::apply, RESOLVED).apply(col(column)))
              // the original only where standardisation changed it, so unchanged values cost
              // nothing
              .withColumn(
                  column + RAW_SUFFIX,
                  when(not(col(column).eqNullSafe(col(result + ".name"))), col(column)))
              .withColumn(column, col(result + ".name"));
      if (resolverStep != null) {
        out =
            out.withColumn(codeColumn(column, resolverStep), col(result + ".code"))
                .withColumn(column + MATCH_SUFFIX, col(result + ".method"));
      }
      out = out.drop(result);
      if (resolverStep != null && dataset.unresolvedPolicy(column) == UnresolvedPolicy.QUARANTINE) {
        out = quarantineUnresolved(out, column, resolverStep);
      }
    }
    return out.withColumn(RowColumns.ROW_FLAGS, flags(dataset.flags()));
  }

  /** Characters of an unresolved value shown in reasons, warnings and the manifest. */
  static final int SHOWN = 200;

  private static String shown(String value) {
    return value.length() <= SHOWN ? value : value.substring(0, SHOWN) + "…";
  }

  /** The start of the quarantine reason of a row whose name did not resolve. */
  public static final String UNRESOLVED_REASON = "unresolved ";

  /**
   * Rows still accepted whose value matched no known name get a quarantine reason naming the column
   * and the value as read; their raw record is that value (the line's text is kept only for records
   * that did not parse). Where the table has no quarantine columns (a table not read by ingest)
   * nothing changes.
   */
  private static Dataset<Row> quarantineUnresolved(Dataset<Row> in, String column, String step) {
    List<String> columns = List.of(in.columns());
    if (!columns.contains(RowColumns.QUARANTINE_REASON)
        || !columns.contains(IngestColumns.RAW_RECORD)) {
      return in;
    }
    Column reason = col(RowColumns.QUARANTINE_REASON);
    Column original = coalesce(col(column + RAW_SUFFIX), col(column));
    Column unresolved =
        reason.isNull().and(col(column).isNotNull()).and(col(codeColumn(column, step)).isNull());
    String what =
        step.equals("country") ? "country" : step.equals("cn_province") ? "province" : "city";
    return in.withColumn(
            RowColumns.QUARANTINE_REASON,
            when(
                    unresolved,
                    concat(
                        lit(UNRESOLVED_REASON + column + ": '"),
                        when(
                                length(original).gt(SHOWN),
                                concat(substring(original, 1, SHOWN), lit("…")))
                            .otherwise(original),
                        lit(
                            "' is not a known "
                                + what
                                + " name (unresolved: quarantine in the definition)")))
                .otherwise(reason))
        .withColumn(
            IngestColumns.RAW_RECORD,
            when(unresolved, concat(lit(column + "="), original))
                .otherwise(col(IngestColumns.RAW_RECORD)));
  }

  /**
   * Distinct values of resolving columns that did not resolve, with their closest known names, at
   * most {@code limit} per column. Reads only the rows that failed: accepted rows, and rows
   * quarantined for the name itself (a record that did not parse has no values).
   */
  public static List<Unresolved> unresolved(
      Dataset<Row> standardized, DatasetDefinition dataset, ReferenceData reference, int limit) {
    List<Unresolved> out = new ArrayList<>();
    dataset
        .standardize()
        .forEach(
            (column, steps) -> {
              String step = steps.stream().filter(RESOLVERS::contains).findFirst().orElse(null);
              if (step == null) {
                return;
              }
              Column at =
                  concat_ws(
                      ":", col(RowColumns.SOURCE_FILE), col(RowColumns.SOURCE_LINE).cast("string"));
              boolean located = List.of(standardized.columns()).contains(RowColumns.SOURCE_FILE);
              for (Row r :
                  standardized
                      .where(col(column).isNotNull().and(col(codeColumn(column, step)).isNull()))
                      .groupBy(column)
                      .agg(count(lit(1)).as("count"), located ? min(at) : lit(null).cast("string"))
                      .orderBy(col("count").desc(), col(column))
                      .limit(limit)
                      .collectAsList()) {
                String value = r.getString(0);
                out.add(
                    new Unresolved(
                        dataset.name(),
                        column,
                        shown(value),
                        r.getLong(1),
                        candidates(step, reference, value),
                        r.getString(2)));
              }
            });
    return out;
  }

  /**
   * A value that did not resolve, how often it occurs, the closest known names, and the first
   * file:line it stands on (null where the table has no provenance).
   */
  public record Unresolved(
      String dataset,
      String column,
      String value,
      long rows,
      List<String> candidates,
      String firstAt) {}

  private static List<String> candidates(String step, ReferenceData reference, String value) {
    return switch (step) {
      case "cn_province" -> reference.divisions().provinceCandidates(value);
      case "cn_city" -> reference.divisions().cityCandidates(value);
      default -> reference.countries().candidates(value);
    };
  }

  /**
   * The columns of a dataset's standardised table, known from its definition alone, so rule files
   * can be checked before anything runs.
   */
  public static List<String> outputColumns(DatasetDefinition dataset) {
    List<String> out = new ArrayList<>(dataset.outputColumnNames());
    out.addAll(RowColumns.PROVENANCE);
    dataset
        .standardize()
        .forEach(
            (column, steps) -> {
              out.add(column + RAW_SUFFIX);
              for (String step : steps) {
                if (RESOLVERS.contains(step)) {
                  out.add(codeColumn(column, step));
                  out.add(column + MATCH_SUFFIX);
                }
              }
            });
    out.add(RowColumns.ROW_FLAGS);
    return out;
  }

  /** The column a resolving step writes its code to. */
  public static String codeColumn(String column, String step) {
    return column + (step.equals("country") ? ISO3_SUFFIX : DIVISION_CODE_SUFFIX);
  }

  private static ColumnSteps.Resolver resolver(String step, ReferenceData reference) {
    return switch (step) {
      case "cn_province" -> {
        DivisionResolver divisions = reference.divisions();
        yield divisions::province;
      }
      case "cn_city" -> {
        DivisionResolver divisions = reference.divisions();
        yield divisions::city;
      }
      case "country" -> {
        CountryResolver countries = reference.countries();
        yield countries::resolve;
      }
      default -> throw new IllegalArgumentException("not a resolver: " + step);
    };
  }

  private static Column flags(Map<String, String> flags) {
    LabelsWhere each = new LabelsWhere();
    flags.forEach((name, condition) -> each.add(expr(condition), lit(name)));
    return each.column();
  }
}
