package org.egovsuite.quality.uniqueness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ranges of whole numbers: integers, dates in days, timestamps in their coarsest whole unit. */
@ExtendWith(SparkTest.class)
class IntegerRangesTest {
  @Test
  void timestampsAreCountedInTheCoarsestUnitEveryValueIsWholeIn(SparkSession spark) {
    var data = spark.range(1, 11).selectExpr("id",
        "DATE_ADD(DATE'2020-01-01', CAST(id AS INT)) AS day",
        "TIMESTAMP_SECONDS(id * 13) AS seconds",
        "TIMESTAMP_MILLIS(id * 7) AS millis",
        "TIMESTAMP_MICROS(id * 3) AS micros",
        // Before 1970: whole seconds still, though the microseconds since 1970 are negative.
        "TIMESTAMP_SECONDS(-id) AS before_1970");
    Map<String, IntegerRanges.Range> ranges =
        IntegerRanges.of(data, List.of("id", "day", "seconds", "millis", "micros", "before_1970"));

    assertThat(ranges.get("id").span()).isEqualTo(10);
    assertThat(ranges.get("day").describe()).isEqualTo("10 days between 2020-01-02 and 2020-01-11");
    // 13 s to 130 s: 118 whole seconds; 7 ms to 70 ms: 64 whole milliseconds; 3 to 30 µs: 28.
    assertThat(ranges.get("seconds").describe())
        .isEqualTo("118 whole seconds between 1970-01-01T00:00:13Z and 1970-01-01T00:02:10Z");
    assertThat(ranges.get("millis").describe())
        .isEqualTo("64 whole milliseconds between 1970-01-01T00:00:00.007Z and 1970-01-01T00:00:00.070Z");
    assertThat(ranges.get("micros").describe()).startsWith("28 microseconds between");
    assertThat(ranges.get("before_1970").describe())
        .isEqualTo("10 whole seconds between 1969-12-31T23:59:50Z and 1969-12-31T23:59:59Z");
  }
}
