package org.egovsuite.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.egovsuite.cli.BundledRun;
import org.egovsuite.warehouse.Warehouse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DuckDB engine of {@code bin/egov sql} on the bundled run's tables: it reads main of each
 * table, and DuckDB itself refuses every file or network access beyond those tables' data files
 * (the second wall behind {@link ReadOnlyQuery}, tested here without it).
 */
@Tag("bundled-run") // reads the whole bundled run (BundledRun)
class DuckDbQueryTest {
  @Test
  void readsMainOfThePublishedTables() {
    try (Warehouse warehouse =
        new Warehouse(BundledRun.warehouse().toString(), new Configuration())) {
      DuckDbQuery.Result result =
          DuckDbQuery.run(
              warehouse.catalog(),
              "SELECT survey_year, count(*) AS n FROM egov.egdi_country WHERE survey_year >= 2020 GROUP BY 1 ORDER BY 1",
              10,
              Set.of("egdi_country"));
      assertThat(result.columns()).containsExactly("survey_year", "n");
      // 193 member states in each UN survey file
      assertThat(result.rows()).containsExactly(List.of(2020, 193L), List.of(2022, 193L));
      assertThat(result.more()).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_text('/etc/hostname')",
        "SELECT * FROM glob('/etc/*')",
        "COPY (SELECT 1) TO '/tmp/egov-duckdb-escape.csv'",
        "ATTACH '/tmp/egov-duckdb-escape.db'",
        "INSTALL httpfs",
        "SET enable_external_access = true"
      })
  void duckDbRefusesAnyOtherFileEvenWithoutTheQueryCheck(String query) {
    try (Warehouse warehouse =
        new Warehouse(BundledRun.warehouse().toString(), new Configuration())) {
      assertThatThrownBy(() -> DuckDbQuery.run(warehouse.catalog(), query, 10, Set.of()))
          .isInstanceOf(DuckDbQuery.QueryFailedException.class)
          .hasMessageMatching("DuckDB: (Permission Error|Invalid Input Error).*");
    }
    assertThat(java.nio.file.Path.of("/tmp/egov-duckdb-escape.csv")).doesNotExist();
  }
}
