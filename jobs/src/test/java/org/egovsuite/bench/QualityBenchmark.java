package org.egovsuite.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;

import com.amazon.deequ.checks.Check;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.quality.QualityCheckJob;
import org.egovsuite.quality.QualityOutcome;
import org.egovsuite.quality.RuleFile;
import org.egovsuite.quality.RuleFileLoader;
import org.egovsuite.quality.Severity;
import org.egovsuite.quality.deequ.DeequAdapter;

/**
 * The quality engine on a generated 20M-row x 19-column Parquet table, side by side in one
 * SparkSession: (a) a bare scan counting all 19 columns, (b) 19 completeness rules, (c) 19
 * completeness + 19 uniqueness rules through our engine and through plain Deequ, whose verdicts
 * must agree. Run with {@code bin/bench quality [rows] [repeats]}; results go to BENCHMARKS.md.
 */
public final class QualityBenchmark {
  /** The 19 columns: two unique keys, one key with planted duplicates, and 16 ordinary columns. */
  static final String[] COLUMNS = {
    "id",
    "uid",
    "near_id",
    "province",
    "city",
    "category",
    "channel",
    "score",
    "amount",
    "created",
    "closed",
    "satisfaction",
    "name",
    "flag",
    "year",
    "population",
    "rate",
    "note",
    "code"
  };

  private QualityBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = BenchSetup.arg(args, 0, 20_000_000L);
    int repeats = (int) BenchSetup.arg(args, 1, 2);
    Path work = BenchSetup.work();
    SparkSession spark = BenchSetup.session("quality-benchmark");
    Path table = work.resolve("quality-" + rows + ".parquet");
    if (!Files.exists(table)) {
      generate(spark, rows).write().mode(SaveMode.Overwrite).parquet(table.toString());
    }
    Dataset<Row> data = spark.read().parquet(table.toString());
    RuleFile completeness = rules(work, false);
    RuleFile all = rules(work, true);
    // Warm-up on a small table of the same shape: JIT and Spark's first-use costs stay out of
    // the measured runs.
    Path small = work.resolve("quality-warmup.parquet");
    generate(spark, 200_000).write().mode(SaveMode.Overwrite).parquet(small.toString());
    Dataset<Row> warm = spark.read().parquet(small.toString());
    warm.agg(count(col("id"))).collect();
    new QualityCheckJob().data(warm).rules(all).execute();
    plainDeequ(warm);
    List<String> lines = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      // The pair of the target, (a) and (c), back to back and in alternating order; plain Deequ
      // after them. Run right after plain Deequ's 19 shuffles, our check took up to 1.5 times as
      // long as before them (its garbage and shuffle files being cleared meanwhile), so every
      // timed step starts after a collection and a pause (see settled).
      double scan = 0;
      double oursTime = 0;
      QualityOutcome[] ours = new QualityOutcome[1];
      for (int step = 0; step < 2; step++) {
        if ((step == 0) == (r % 2 == 0)) {
          scan =
              settled(
                  () ->
                      data.agg(
                              count(col(COLUMNS[0])),
                              Arrays.stream(COLUMNS)
                                  .skip(1)
                                  .map(c -> count(col(c)))
                                  .toArray(Column[]::new))
                          .collect());
        } else {
          // Verdicts only, as plain Deequ and the Python peers compute them: no sample rows.
          oursTime =
              settled(
                  () ->
                      ours[0] =
                          new QualityCheckJob()
                              .data(data)
                              .rules(all)
                              .samples(0, List.of())
                              .execute()
                              .outcome());
        }
      }
      double complete =
          settled(() -> new QualityCheckJob().data(data).rules(completeness).execute());
      List<Boolean> plainVerdicts = new ArrayList<>();
      double plainTime = settled(() -> plainVerdicts.addAll(plainDeequ(data)));
      List<Boolean> ourVerdicts = verdicts(ours[0]);
      // Once: what the quality stage adds for its report by default, the first failing rows of
      // each failing rule and, for each failing uniqueness rule, the rows sharing a key counted
      // (a group-by of the whole column per failing rule).
      double withSamples =
          r > 0 ? Double.NaN : settled(() -> new QualityCheckJob().data(data).rules(all).execute());
      String line =
          String.format(
              Locale.ROOT,
              "repeat %d: (a) scan %.1f s | (b) 19 completeness %.1f s = %.2fx (a)"
                  + " | (c) 38 rules ours %.1f s = %.2fx (a), plain Deequ %.1f s = %.2fx (a)"
                  + " | (d) ours with the report's samples %.1f s = %.2fx (a) | verdicts agree: %s %s",
              r + 1,
              scan,
              complete,
              complete / scan,
              oursTime,
              oursTime / scan,
              plainTime,
              plainTime / scan,
              withSamples,
              withSamples / scan,
              ourVerdicts.equals(plainVerdicts),
              ourVerdicts);
      System.out.println(line);
      lines.add(line);
    }
    System.out.println(String.join("\n", lines));
    spark.stop();
  }

  /** Deterministic in the row number; no randomness, so the table is the same on every machine. */
  static Dataset<Row> generate(SparkSession spark, long rows) {
    return spark
        .range(0, rows, 1, 16)
        .selectExpr(
            "id",
            "CONCAT('u', id) AS uid",
            "IF(id % 1000000 = 999999, id - 1, id) AS near_id",
            "CAST(id % 32 AS INT) AS province",
            "CAST(id % 338 AS INT) AS city",
            "CONCAT('category-', id % 10) AS category",
            "ELEMENT_AT(ARRAY('web', 'app', 'phone', 'counter', 'wechat'), CAST(id % 5 + 1 AS INT)) AS channel",
            "ROUND((id * 7919 % 10000) / 100.0, 2) AS score",
            "(id % 100000) / 100.0 AS amount",
            "DATE_ADD(DATE'2020-01-01', CAST(id % 2000 AS INT)) AS created",
            "TIMESTAMP_SECONDS(1577836800 + id * 13) AS closed",
            "IF(id % 10 = 3, NULL, CAST(id % 5 + 1 AS INT)) AS satisfaction",
            "CONCAT('name ', id % 50000) AS name",
            "id % 2 = 0 AS flag",
            "CAST(2006 + id % 19 AS INT) AS year",
            "id % 3000000 AS population",
            "IF(id % 20 = 7, NULL, (id % 1000) / 1000.0) AS rate",
            "IF(id % 10 < 3, NULL, CONCAT('n', id % 1000)) AS note",
            "CONCAT('11', LPAD(CAST(id % 10000 AS STRING), 4, '0')) AS code");
  }

  private static RuleFile rules(Path work, boolean withUniqueness) {
    StringBuilder yaml = new StringBuilder("dataset: bench\nrules:\n");
    for (String c : COLUMNS) {
      yaml.append("  - {id: ")
          .append(c)
          .append("_complete, kind: completeness, columns: [")
          .append(c)
          .append("], severity: warning}\n");
    }
    if (withUniqueness) {
      for (String c : COLUMNS) {
        yaml.append("  - {id: ")
            .append(c)
            .append("_unique, kind: uniqueness, columns: [")
            .append(c)
            .append("], severity: warning}\n");
      }
    }
    Path file = work.resolve(withUniqueness ? "bench-38.yaml" : "bench-19.yaml");
    try {
      Files.writeString(file, yaml.toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return RuleFileLoader.load(file, "bench", Set.of(COLUMNS));
  }

  /** The same 38 constraints as plain Deequ checks in one verification; verdicts in rule order. */
  private static List<Boolean> plainDeequ(Dataset<Row> data) {
    List<Check> checks = new ArrayList<>();
    for (String c : COLUMNS) {
      checks.add(
          DeequAdapter.newCheck(Severity.WARNING, c + "_complete")
              .hasCompleteness(
                  c, DeequAdapter.atLeast(1.0), DeequAdapter.none(), DeequAdapter.none()));
    }
    for (String c : COLUMNS) {
      checks.add(
          DeequAdapter.newCheck(Severity.WARNING, c + "_unique")
              .hasUniqueness(
                  DeequAdapter.seq(List.of(c)),
                  DeequAdapter.atLeast(1.0),
                  DeequAdapter.none(),
                  DeequAdapter.none()));
    }
    var result = DeequAdapter.verify(data, checks);
    return checks.stream()
        .map(check -> DeequAdapter.outcomes(result, check).stream().allMatch(o -> o.passed()))
        .toList();
  }

  private static List<Boolean> verdicts(QualityOutcome outcome) {
    TreeMap<String, Boolean> byRule = new TreeMap<>();
    outcome.results().forEach(r -> byRule.merge(r.ruleId(), r.passed(), Boolean::logicalAnd));
    List<Boolean> out = new ArrayList<>();
    for (String c : COLUMNS) {
      out.add(byRule.get(c + "_complete"));
    }
    for (String c : COLUMNS) {
      out.add(byRule.get(c + "_unique"));
    }
    return out;
  }

  /**
   * The work's wall time, started after a garbage collection and a two-second pause, in which
   * Spark's cleaner deletes the shuffle files of collected jobs, so no step pays for the one
   * before.
   */
  private static double settled(Runnable work) {
    System.gc();
    try {
      Thread.sleep(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }
}
