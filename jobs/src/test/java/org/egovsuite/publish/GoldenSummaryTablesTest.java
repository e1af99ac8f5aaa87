package org.egovsuite.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.egovsuite.cli.BundledRun;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.Published;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The summary tables of the bundled run against the reviewed copies in
 * {@code src/test/resources/golden/}: a restructuring or a speed-up must publish the same figures.
 * Not a source of truth — the published figures are checked against the report's in their own
 * tests — but a guard that says which figure moved. After a change meant to move figures,
 * regenerate with {@code EGOV_REGENERATE_GOLDEN=1} and review the diff. Numbers are compared to 12
 * significant digits (a different order of a parallel sum may change the last bits).
 */
@Tag("bundled-run")
class GoldenSummaryTablesTest {
  private static final Path GOLDEN = Projects.home().resolve("jobs/src/test/resources/golden");

  @Test
  void summaryTablesMatchTheReviewedCopies() throws IOException {
    boolean regenerate = "1".equals(System.getenv("EGOV_REGENERATE_GOLDEN"));
    List<String> tables = Published.onMain(BundledRun.warehouse()).stream().filter(SpreadsheetExports::isSummary)
        .sorted().toList();
    assertThat(tables).hasSizeGreaterThanOrEqualTo(10);
    List<String> changed = new ArrayList<>();
    for (String table : tables) {
      String text = canonical(Published.rows(BundledRun.warehouse(), table));
      Path file = GOLDEN.resolve(table + ".txt");
      if (regenerate) {
        Files.createDirectories(GOLDEN);
        Files.writeString(file, text, StandardCharsets.UTF_8);
      } else if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
        changed.add(table);
      }
    }
    assertThat(changed).as("summary tables differing from src/test/resources/golden (EGOV_REGENERATE_GOLDEN=1 "
        + "rewrites them; review the diff)").isEmpty();
  }

  /** One line per row, columns by name, rows sorted, numbers to 12 significant digits. */
  private static String canonical(List<Map<String, Object>> rows) {
    List<String> lines = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, String> sorted = new TreeMap<>();
      row.forEach((column, value) -> sorted.put(column, value(value)));
      lines.add(sorted.toString());
    }
    return String.join("\n", lines.stream().sorted().toList()) + "\n";
  }

  private static String value(Object value) {
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? new BigDecimal(d).round(new MathContext(12)).stripTrailingZeros().toPlainString()
          : String.valueOf(d);
    }
    return String.valueOf(value);
  }
}
