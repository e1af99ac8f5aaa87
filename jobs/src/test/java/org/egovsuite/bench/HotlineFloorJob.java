package org.egovsuite.bench;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The floors the pipeline benchmark measures each stage against, in one process after our run, on
 * the same generated files: (1) Spark's plain CSV → Parquet of the tickets (the ingest floor); (2)
 * a bare scan counting every column of our standardised tickets (the quality floor); (3) the
 * minimal hand-written job that produces the hotline tables: read and type the tickets, deduplicate
 * by ticket id, join the 2020 census population by city name, aggregate the measures of {@code
 * conf/indicators/hotline_12345_service.yaml} per city and year and by channel and category, write
 * Parquet — no provenance, quarantine, quality or publishing (the indicator and whole-run floor).
 * Each line printed is {@code floor <what> <seconds>}.
 *
 * <p>Args: tickets glob, census CSV, our standardised tickets (Parquet folder), output folder.
 */
public final class HotlineFloorJob {
  private static final StructType TICKETS =
      new StructType()
          .add("ticket_id", DataTypes.StringType)
          .add("city", DataTypes.StringType)
          .add("created_at", DataTypes.StringType)
          .add("closed_at", DataTypes.StringType)
          .add("channel", DataTypes.StringType)
          .add("category", DataTypes.StringType)
          .add("satisfaction", DataTypes.StringType);

  private HotlineFloorJob() {}

  public static void main(String[] args) {
    String tickets = args[0];
    String census = args[1];
    String standardised = args[2];
    String out = args[3];
    SparkSession spark = BenchSetup.session("hotline-floor");
    // The shuffle partitions of conf/profiles/local.yaml, which our stages run with: the floor
    // gets the same setting, so the ratio measures the work, not a tuning difference.
    spark.conf().set("spark.sql.shuffle.partitions", "8");
    print(
        "csv_to_parquet",
        time(() -> csv(spark, tickets).write().mode(SaveMode.Overwrite).parquet(out + "/plain")));
    print("scan_standardised", time(() -> scan(spark.read().parquet(standardised))));
    print("hotline_tables", time(() -> tables(spark, tickets, census, out)));
    spark.stop();
  }

  private static Dataset<Row> csv(SparkSession spark, String tickets) {
    return spark
        .read()
        .option("header", "true")
        .option("encoding", "GBK")
        .schema(TICKETS)
        .csv(tickets);
  }

  private static void scan(Dataset<Row> data) {
    Column[] counts = Arrays.stream(data.columns()).map(c -> count(col(c))).toArray(Column[]::new);
    data.agg(counts[0], Arrays.copyOfRange(counts, 1, counts.length)).collect();
  }

  /** The name every spelling of a city comes down to: no padding, no 人民政府, no 市. */
  private static Column cityKey(Column name) {
    Column trimmed = regexp_replace(name, "^[\\s\\u3000]+|[\\s\\u3000]+$", "");
    return regexp_replace(regexp_replace(trimmed, "人民政府$", ""), "市$", "");
  }

  private static void tables(SparkSession spark, String tickets, String census, String out) {
    Dataset<Row> typed =
        csv(spark, tickets)
            .select(
                col("ticket_id"),
                cityKey(col("city")).as("city_key"),
                to_timestamp(col("created_at"), "yyyy-MM-dd HH:mm:ss").as("created_at"),
                to_timestamp(col("closed_at"), "yyyy-MM-dd HH:mm:ss").as("closed_at"),
                col("channel"),
                col("category"),
                translate(col("satisfaction"), "０１２３４５６７８９", "0123456789")
                    .cast("int")
                    .as("satisfaction"))
            .dropDuplicates("ticket_id")
            .withColumn("year", year(col("created_at")))
            .withColumn(
                "hours_to_close",
                expr("(unix_timestamp(closed_at) - unix_timestamp(created_at)) / 3600D"));
    Dataset<Row> population =
        spark
            .read()
            .option("header", "true")
            .csv(census)
            .select(
                cityKey(col("city")).as("city_key"),
                col("popu_2020").cast("long").as("population_2020"))
            .dropDuplicates("city_key");
    Dataset<Row> rows =
        typed
            .join(broadcast(population), new String[] {"city_key"}, "left")
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      write(rows.groupBy(col("city_key"), col("year")), true, out + "/hotline_12345_service");
      for (String by : List.of("channel", "category")) {
        write(rows.groupBy(col("year"), col(by)), false, out + "/hotline_12345_service_by_" + by);
      }
    } finally {
      rows.unpersist();
    }
  }

  /** The measures of the indicator definition, as Spark SQL (per capita only per city). */
  private static Column[] measures(boolean perCity) {
    List<Column> out =
        new java.util.ArrayList<>(
            List.of(
                avg(when(col("closed_at").isNotNull(), 1).otherwise(0)).as("closure_rate"),
                expr("percentile_approx(hours_to_close, 0.5, 10000)").as("median_hours_to_close"),
                expr("percentile_approx(hours_to_close, 0.9, 10000)").as("p90_hours_to_close"),
                avg(col("satisfaction")).as("mean_satisfaction")));
    if (perCity) {
      out.add(
          count(lit(1))
              .multiply(10000D)
              .divide(first(col("population_2020")))
              .as("tickets_per_10k"));
    }
    return out.toArray(Column[]::new);
  }

  private static void write(RelationalGroupedDataset groups, boolean perCity, String path) {
    Column[] measures = measures(perCity);
    write(groups.agg(count(lit(1)).as("tickets"), measures), path);
  }

  private static void write(Dataset<Row> table, String path) {
    table.coalesce(1).write().mode(SaveMode.Overwrite).option("compression", "zstd").parquet(path);
  }

  private static double time(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static void print(String what, double seconds) {
    System.out.println(String.format(Locale.ROOT, "floor %s %.1f", what, seconds));
  }
}
