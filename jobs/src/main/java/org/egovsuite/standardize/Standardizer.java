package org.egovsuite.standardize;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.config.DatasetDefinition;

/**
 * Applies a dataset's {@code standardize} steps and {@code flags}. Pure: a dataset in, a dataset
 * out. Each standardised column keeps its original value in {@code <column>_raw}; resolving
 * steps add {@code <column>_division_code} (6-digit division code) or {@code <column>_iso3}
 * (ISO 3166 alpha-3), and {@code <column>_match} (how it matched: code, name, short_name, alias;
 * null when unresolved). An unresolved value is kept as folded text, never guessed.
 */
public final class Standardizer {
  /** Array of flag names that hold for the row (empty when none). */
  public static final String ROW_FLAGS = "row_flags";
  public static final String RAW_SUFFIX = "_raw";
  public static final String DIVISION_CODE_SUFFIX = "_division_code";
  public static final String ISO3_SUFFIX = "_iso3";
  public static final String MATCH_SUFFIX = "_match";
  private static final StructType RESOLVED = new StructType()
      .add("code", DataTypes.StringType).add("name", DataTypes.StringType).add("method", DataTypes.StringType);
  private static final UserDefinedFunction NFKC =
      udf((UDF1<String, String>) TextFolding::nfkc, DataTypes.StringType);
  private static final UserDefinedFunction TEXT =
      udf((UDF1<String, String>) TextFolding::text, DataTypes.StringType);

  private Standardizer() {}

  public static Dataset<Row> apply(Dataset<Row> input, DatasetDefinition dataset, ReferenceData reference) {
    Dataset<Row> out = input;
    for (Map.Entry<String, List<String>> e : dataset.standardize().entrySet()) {
      String column = e.getKey();
      out = out.withColumn(column + RAW_SUFFIX, col(column));
      Column value = col(column);
      for (String step : e.getValue()) {
        UserDefinedFunction resolver = resolver(step, reference);
        if (resolver == null) {
          value = textStep(value, step);
          continue;
        }
        String resolved = column + "__resolved";
        out = out.withColumn(resolved, resolver.apply(value))
            .withColumn(codeColumn(column, step), col(resolved + ".code"))
            .withColumn(column + MATCH_SUFFIX, col(resolved + ".method"));
        value = coalesce(col(resolved + ".name"), value);
        out = out.withColumn(column, value).drop(resolved);
        value = col(column);
      }
      out = out.withColumn(column, value);
    }
    return out.withColumn(ROW_FLAGS, flags(dataset.flags()));
  }

  /**
   * Distinct values of resolving columns that did not resolve, with their closest known names,
   * at most {@code limit} per column. Reads only the rows that failed.
   */
  public static List<Unresolved> unresolved(Dataset<Row> standardized, DatasetDefinition dataset,
      ReferenceData reference, int limit) {
    List<Unresolved> out = new ArrayList<>();
    dataset.standardize().forEach((column, steps) -> {
      String step = steps.stream().filter(s -> resolver(s, reference) != null).findFirst().orElse(null);
      if (step == null) {
        return;
      }
      for (Row r : standardized.where(col(column).isNotNull().and(col(codeColumn(column, step)).isNull()))
          .groupBy(column).count().orderBy(col("count").desc(), col(column)).limit(limit).collectAsList()) {
        String value = r.getString(0);
        out.add(new Unresolved(dataset.name(), column, value, r.getLong(1), candidates(step, reference, value)));
      }
    });
    return out;
  }

  /**
   * The columns of a dataset's standardised table, known from its definition alone, so rule files
   * can be checked before anything runs.
   */
  public static List<String> outputColumns(DatasetDefinition dataset) {
    List<String> out = new ArrayList<>(dataset.outputColumnNames());
    out.addAll(org.egovsuite.ingest.IngestColumns.PROVENANCE);
    dataset.standardize().forEach((column, steps) -> {
      out.add(column + RAW_SUFFIX);
      for (String step : steps) {
        if (List.of("cn_province", "cn_city", "country").contains(step)) {
          out.add(codeColumn(column, step));
          out.add(column + MATCH_SUFFIX);
        }
      }
    });
    out.add(ROW_FLAGS);
    return out;
  }

  /** The column a resolving step writes its code to. */
  public static String codeColumn(String column, String step) {
    return column + (step.equals("country") ? ISO3_SUFFIX : DIVISION_CODE_SUFFIX);
  }

  /** A value that did not resolve, how often it occurs, and the closest known names. */
  public record Unresolved(String dataset, String column, String value, long rows, List<String> candidates) {}

  private static List<String> candidates(String step, ReferenceData reference, String value) {
    return switch (step) {
      case "cn_province" -> reference.divisions().provinceCandidates(value);
      case "cn_city" -> reference.divisions().cityCandidates(value);
      default -> reference.countries().candidates(value);
    };
  }

  private static Column textStep(Column value, String step) {
    return switch (step) {
      case "nfkc" -> NFKC.apply(value);
      case "trim" -> trim(value);
      case "text" -> TEXT.apply(value);
      default -> throw new IllegalArgumentException("validated on load: " + step);
    };
  }

  private static UserDefinedFunction resolver(String step, ReferenceData reference) {
    return switch (step) {
      case "cn_province" -> {
        DivisionResolver divisions = reference.divisions();
        yield udf((UDF1<String, Row>) v -> row(divisions.province(v)), RESOLVED);
      }
      case "cn_city" -> {
        DivisionResolver divisions = reference.divisions();
        yield udf((UDF1<String, Row>) v -> row(divisions.city(v)), RESOLVED);
      }
      case "country" -> {
        CountryResolver countries = reference.countries();
        yield udf((UDF1<String, Row>) v -> row(countries.resolve(v)), RESOLVED);
      }
      default -> null;
    };
  }

  private static Row row(Resolution r) {
    return r == null ? RowFactory.create(null, null, null) : RowFactory.create(r.code(), r.name(), r.method());
  }

  private static Column flags(Map<String, String> flags) {
    if (flags.isEmpty()) {
      return array().cast(DataTypes.createArrayType(DataTypes.StringType));
    }
    List<Column> each = new ArrayList<>();
    flags.forEach((name, condition) -> each.add(when(expr(condition), lit(name))));
    return array_compact(array(each.toArray(Column[]::new)));
  }
}
