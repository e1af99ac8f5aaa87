package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.publish.SpreadsheetExports;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The spreadsheet exports of the bundled run: every summary table as a CSV that starts with the
 * UTF-8 byte-order mark and holds the table's header and rows.
 */
@ExtendWith(SparkTest.class)
class SpreadsheetExportsTest {
  private final SparkSession spark;

  SpreadsheetExportsTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void everySummaryTableIsACsvWithBom() throws Exception {
    Path exports = BundledRun.warehouse().resolve(SpreadsheetExports.FOLDER);
    List<String> summaries;
    try (var tables = Files.list(BundledRun.warehouse().resolve("tables"))) {
      summaries = tables.map(p -> p.getFileName().toString()).filter(SpreadsheetExports::isSummary).sorted().toList();
    }
    assertThat(summaries).contains("province_capability_summary", "city_egov_index_movers",
        "vulnerability_fix_speed_national", "dotgov_security_contacts_overall");
    for (String table : summaries) {
      byte[] csv = Files.readAllBytes(exports.resolve(table + ".csv"));
      assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
      List<String> lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines().toList();
      List<Row> rows = spark.read().parquet(BundledRun.table(table)).collectAsList();
      assertThat(lines.get(0)).as(table).isEqualTo(String.join(",", spark.read().parquet(BundledRun.table(table)).columns()));
      assertThat(lines).as(table).hasSize(rows.size() + 1);
    }
    String medium = Files.readString(exports.resolve("province_capability_summary.csv"), StandardCharsets.UTF_8);
    assertThat(medium).contains("中").contains("40.63");
  }
}
