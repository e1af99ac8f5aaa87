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
 * The summary tables of the bundled run against the reviewed copies in {@code
 * src/test/resources/golden/}: a restructuring or a speed-up must publish the same figures. Not a
 * source of truth — the published figures are checked against the report's in their own tests — but
 * a guard that says which figure moved. After a change meant to move figures, regenerate with
 * {@code EGOV_REGENERATE_GOLDEN=1} and review the diff. Numbers are compared to 12 significant
 * digits (a different order of a parallel sum may change the last bits).
 */
@Tag("bundled-run")
class GoldenSummaryTablesTest {
  private static final Path GOLDEN = Projects.home().resolve("jobs/src/test/resources/golden");

  @Test
  void summaryTablesMatchTheReviewedCopies() throws IOException {
    boolean regenerate = "1".equals(System.getenv("EGOV_REGENERATE_GOLDEN"));
    List<String> tables =
        Published.onMain(BundledRun.warehouse()).stream()
            .filter(SpreadsheetExports::isSummary)
            .sorted()
            .toList();
    assertThat(tables).hasSizeGreaterThanOrEqualTo(10);
    List<String> changed = new ArrayList<>();
    for (String table : tables) {
      String text = canonical(Published.rows(BundledRun.warehouse(), table));
      Path file = GOLDEN.resolve(table + ".txt");
      if (regenerate) {
        Files.createDirectories(GOLDEN);
        Files.writeString(file, text, StandardCharsets.UTF_8);
      } else if (!Files.exists(file)
          || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
        changed.add(table);
      }
    }
    assertThat(changed)
        .as(
            "summary tables differing from src/test/resources/golden (EGOV_REGENERATE_GOLDEN=1 "
                + "rewrites them; review the diff)")
        .isEmpty();
  }

  /**
   * Every table on main, by the SHA-256 of its canonical rows, against {@code
   * golden/content-hashes.txt}: a restructuring publishes the same rows in every table, not only
   * the summaries.
   */
  @Test
  void everyPublishedTableHasTheReviewedContentHash() throws IOException {
    StringBuilder text = new StringBuilder();
    for (String table : Published.onMain(BundledRun.warehouse()).stream().sorted().toList()) {
      text.append(table)
          .append(' ')
          .append(sha256(canonical(Published.rows(BundledRun.warehouse(), table))))
          .append('\n');
    }
    Path file = GOLDEN.resolve("content-hashes.txt");
    if ("1".equals(System.getenv("EGOV_REGENERATE_GOLDEN"))) {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
    assertThat(text.toString())
        .as(
            "tables whose rows differ from golden/content-hashes.txt (EGOV_REGENERATE_GOLDEN=1 "
                + "rewrites it; review which tables moved)")
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
      return Double.isFinite(d)
          ? new BigDecimal(d).round(new MathContext(12)).stripTrailingZeros().toPlainString()
          : String.valueOf(d);
    }
    // Input file paths (source_file, a definition's file) hold the checkout's folder: not a figure.
    return String.valueOf(value).replace(HOME, "<project>");
  }

  private static final String HOME = Projects.home().toAbsolutePath().normalize().toString();
}
