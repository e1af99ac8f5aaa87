package org.egovsuite.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.config.ConfigException;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.IndicatorDefinitionLoader;
import org.egovsuite.indicators.kinds.IndicatorKinds;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aggregate indicators from YAML definitions (src/test/resources/aggregate) on hand-made rows.
 *
 * <p>Tickets of city 110100 (20,000 residents) in 2020: T1 closed after 1 h (电话), T2 after 2 h (网站,
 * exported twice), T3 after 10 h (电话), T4 open (电话). Counted once each: 4 tickets, 4 × 10,000 /
 * 20,000 = 2.0 per 10k, closure 3/4; hours to close 1, 2, 10: median 2, p90 at position 0.9 × (3 −
 * 1) = 1.8 → 2 + 0.8 × (10 − 2) = 8.4 (Spark's exact percentile interpolates). City 310100 (50,000)
 * in 2021: one ticket closed after 5 h → 0.2 per 10k. By channel in 2020: 电话 3 tickets, 2 closed;
 * 网站 1, closed.
 *
 * <p>Notices of 2020 fixed after 0, 30 and 31 days and one open (plus one row the definition's
 * {@code where} drops): fixed within 30 days 2 of 4 = 0.5.
 */
@ExtendWith(SparkTest.class)
class AggregateIndicatorTest {
  private static final Path DIR = Path.of("src/test/resources/aggregate");
  private final SparkSession spark;

  AggregateIndicatorTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void ticketVolumesClosureAndHoursToClose() {
    IndicatorDefinition definition =
        IndicatorDefinitionLoader.load(
            DIR.resolve("ticket_service.yaml"), Set.of("tickets", "population"), Set.of());
    Function<String, Dataset<Row>> sources =
        name -> name.equals("tickets") ? tickets() : population();
    Map<String, Row> units =
        IndicatorKinds.units(definition, sources, noLookups()).collectAsList().stream()
            .collect(
                Collectors.toMap(
                    r -> r.getAs("city_division_code") + "/" + r.getAs("year"), r -> r));

    Row beijing = units.get("110100/2020");
    assertThat(beijing.<Long>getAs("tickets")).isEqualTo(4L);
    assertThat(beijing.<Double>getAs("tickets_per_10k")).isCloseTo(2.0, within(1e-12));
    assertThat(beijing.<Double>getAs("closure_rate")).isCloseTo(0.75, within(1e-12));
    assertThat(beijing.<Double>getAs("median_hours_to_close")).isCloseTo(2.0, within(1e-9));
    assertThat(beijing.<Double>getAs("p90_hours_to_close")).isCloseTo(8.4, within(1e-9));
    assertThat(beijing.<String>getAs("city")).isEqualTo("北京"); // min of 北京 / 北京市
    Row shanghai = units.get("310100/2021");
    assertThat(shanghai.<Double>getAs("tickets_per_10k")).isCloseTo(0.2, within(1e-12));
    assertThat(shanghai.<Double>getAs("median_hours_to_close")).isCloseTo(5.0, within(1e-9));
    assertThat(units).hasSize(2);

    Dataset<Row> byChannel =
        IndicatorKinds.summaries(definition, null, sources, noLookups())
            .get("ticket_service_by_channel");
    Map<String, Row> channels =
        byChannel.collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getAs("year") + "/" + r.getAs("channel"), r -> r));
    assertThat(channels.get("2020/电话").<Long>getAs("tickets")).isEqualTo(3L);
    assertThat(channels.get("2020/电话").<Double>getAs("closure_rate"))
        .isCloseTo(2.0 / 3, within(1e-12));
    assertThat(channels.get("2020/网站").<Long>getAs("tickets")).isEqualTo(1L);
    assertThat(channels.get("2021/微信").<Double>getAs("closure_rate")).isEqualTo(1.0);
    assertThat(byChannel.columns()).containsExactly("year", "channel", "tickets", "closure_rate");
  }

  @Test
  void shareFixedWithinThirtyDaysNationally() {
    IndicatorDefinition definition =
        IndicatorDefinitionLoader.load(DIR.resolve("fix_speed.yaml"), Set.of("notices"), Set.of());
    Dataset<Row> national =
        IndicatorKinds.summaries(definition, null, name -> notices(), noLookups())
            .get("fix_speed_national");
    List<Row> rows = national.collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).<Long>getAs("notices")).isEqualTo(4L);
    assertThat(rows.get(0).<Double>getAs("fixed_within_30_days_share"))
        .isCloseTo(0.5, within(1e-12));
  }

  @Test
  void badSqlIsReportedWithFileAndLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(
        file,
        Files.readString(DIR.resolve("fix_speed.yaml"))
            .replace("sql: \"count(*)\"", "sql: \"count(*\""));
    assertThatThrownBy(() -> IndicatorDefinitionLoader.load(file, Set.of("notices"), Set.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("broken.yaml:15")
        .hasMessageContaining("'count(*' is not a valid SQL expression");
  }

  @Test
  void aLookupWithTwoRowsForAKeyIsRefused() {
    IndicatorDefinition definition =
        IndicatorDefinitionLoader.load(
            DIR.resolve("ticket_service.yaml"), Set.of("tickets", "population"), Set.of());
    Dataset<Row> twice = population().union(population());
    assertThatThrownBy(
            () ->
                IndicatorKinds.units(
                        definition, name -> name.equals("tickets") ? tickets() : twice, noLookups())
                    .collectAsList())
        .hasMessageContaining("join of population on [city_division_code]")
        .hasMessageContaining("expected at most one");
  }

  private Dataset<Row> tickets() {
    StructType schema =
        new StructType()
            .add("ticket_id", DataTypes.StringType)
            .add("city", DataTypes.StringType)
            .add("city_division_code", DataTypes.StringType)
            .add("created_at", DataTypes.TimestampType)
            .add("closed_at", DataTypes.TimestampType)
            .add("channel", DataTypes.StringType)
            .add("source_file", DataTypes.StringType)
            .add("source_line", DataTypes.LongType);
    return spark.createDataFrame(
        List.of(
            ticket("T1", "北京市", "110100", "2020-01-01 12:00:00", "2020-01-01 13:00:00", "电话", 2),
            ticket("T2", "北京", "110100", "2020-01-02 12:00:00", "2020-01-02 14:00:00", "网站", 3),
            ticket("T2", "北京", "110100", "2020-01-02 12:00:00", "2020-01-02 14:00:00", "网站", 4),
            ticket("T3", "北京市", "110100", "2020-01-03 12:00:00", "2020-01-03 22:00:00", "电话", 5),
            ticket("T4", "北京市", "110100", "2020-01-04 12:00:00", null, "电话", 6),
            ticket("T5", "上海市", "310100", "2021-03-01 12:00:00", "2021-03-01 17:00:00", "微信", 7)),
        schema);
  }

  private static Row ticket(
      String id,
      String city,
      String code,
      String created,
      String closed,
      String channel,
      long line) {
    return RowFactory.create(
        id,
        city,
        code,
        Timestamp.valueOf(created),
        closed == null ? null : Timestamp.valueOf(closed),
        channel,
        "tickets.csv",
        line);
  }

  private Dataset<Row> population() {
    StructType schema =
        new StructType()
            .add("city_division_code", DataTypes.StringType)
            .add("population_2020", DataTypes.LongType);
    return spark.createDataFrame(
        List.of(RowFactory.create("110100", 20_000L), RowFactory.create("310100", 50_000L)),
        schema);
  }

  private Dataset<Row> notices() {
    StructType schema =
        new StructType()
            .add("city_division_code", DataTypes.StringType)
            .add("city", DataTypes.StringType)
            .add("severity", DataTypes.StringType)
            .add("notified_date", DataTypes.DateType)
            .add("fixed_date", DataTypes.DateType);
    return spark.createDataFrame(
        List.of(
            notice("高危", "2020-03-01", "2020-03-01"),
            notice("中危", "2020-03-01", "2020-03-31"),
            notice("低危", "2020-03-01", "2020-04-01"),
            notice("中危", "2020-03-01", null),
            notice("test", "2020-03-01", "2020-03-02")),
        schema);
  }

  private static Row notice(String severity, String notified, String fixed) {
    return RowFactory.create(
        "110100",
        "北京市",
        severity,
        Date.valueOf(notified),
        fixed == null ? null : Date.valueOf(fixed));
  }

  private static Function<String, Dataset<Row>> noLookups() {
    return file -> {
      throw new AssertionError("no lookups configured");
    };
  }
}
