package org.egovsuite.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.DatasetDefinitionLoader;
import org.egovsuite.config.ReferencePaths;
import org.egovsuite.ingest.IngestJob;
import org.egovsuite.ingest.IngestResult;
import org.egovsuite.standardize.ReferenceData;
import org.egovsuite.standardize.Standardizer;

/**
 * Ingest + standardise of a generated CSV against Spark's own plain CSV → Parquet conversion of the
 * same file, side by side in one JVM and one SparkSession, alternating which runs first. Run with
 * {@code bin/bench ingest [rows] [repeats]}; results go to BENCHMARKS.md by hand.
 */
public final class IngestBenchmark {
  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = BenchSetup.arg(args, 0, 10_000_000L);
    int repeats = (int) BenchSetup.arg(args, 1, 2);
    Path home = BenchSetup.home();
    Path work = BenchSetup.work();
    SparkSession spark = BenchSetup.session("ingest-benchmark");
    ReferenceData reference = new ReferenceData(ReferencePaths.defaults(home));
    List<String> lines = new ArrayList<>();
    warmUp(spark, work, home, reference);
    for (String encoding : List.of("utf-8", "gbk")) {
      Path csv = work.resolve("service-items-" + rows + "-" + encoding + ".csv");
      if (!Files.exists(csv)) {
        ServiceItemsCsv.write(csv, rows, Charset.forName(encoding), 42);
      }
      Path yaml =
          Files.writeString(
              work.resolve("service_items_" + encoding.replace('-', '_') + ".yaml"),
              definition(csv, encoding));
      DatasetDefinition dataset = DatasetDefinitionLoader.load(yaml, home);
      for (int r = 0; r < repeats; r++) {
        boolean plainFirst = r % 2 == 0;
        double plain = 0;
        double ours = 0;
        long plainPeak = 0;
        long oursPeak = 0;
        for (int step = 0; step < 2; step++) {
          resetPeaks();
          long start = System.nanoTime();
          if ((step == 0) == plainFirst) {
            spark
                .read()
                .option("header", "true")
                .option("encoding", encoding)
                .csv(csv.toString())
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(work.resolve("plain").toString());
            plain = (System.nanoTime() - start) / 1e9;
            plainPeak = peakHeap();
          } else {
            IngestResult result =
                new IngestJob(spark)
                    .dataset(dataset)
                    .runId("bench")
                    .transform(d -> Standardizer.apply(d, dataset, reference))
                    .output(work.resolve("ours").toString())
                    .execute();
            ours = (System.nanoTime() - start) / 1e9;
            oursPeak = peakHeap();
            if (result.rowsRead() != rows || result.rowsQuarantined() != 0) {
              throw new IllegalStateException(
                  "read " + result.rowsRead() + ", quarantined " + result.rowsQuarantined());
            }
          }
        }
        String line =
            String.format(
                Locale.ROOT,
                "| %s | %,d | %.1f GB | %.1f s | %.1f s | %.2f× | %,.0f rows/s | %d MiB | %d MiB |",
                encoding,
                rows,
                Files.size(csv) / 1e9,
                plain,
                ours,
                ours / plain,
                rows / ours,
                plainPeak >> 20,
                oursPeak >> 20);
        System.out.println(line);
        lines.add(line);
      }
    }
    System.out.println(
        "| encoding | rows | file | plain CSV→Parquet | ingest + standardise | ratio | throughput | peak heap plain | peak heap ours |");
    lines.forEach(System.out::println);
    spark.stop();
  }

  /**
   * One unreported pass of both sides over a small file, so the JIT has compiled both before
   * timing.
   */
  private static void warmUp(SparkSession spark, Path work, Path home, ReferenceData reference)
      throws Exception {
    Path csv =
        ServiceItemsCsv.write(work.resolve("warm-up.csv"), 300_000, Charset.forName("utf-8"), 7);
    DatasetDefinition dataset =
        DatasetDefinitionLoader.load(
            Files.writeString(work.resolve("warm_up.yaml"), definition(csv, "utf-8")), home);
    for (int i = 0; i < 2; i++) {
      spark
          .read()
          .option("header", "true")
          .csv(csv.toString())
          .write()
          .mode(SaveMode.Overwrite)
          .parquet(work.resolve("plain").toString());
      new IngestJob(spark)
          .dataset(dataset)
          .runId("warm-up")
          .splitBytes(8L << 20)
          .transform(d -> Standardizer.apply(d, dataset, reference))
          .output(work.resolve("ours").toString())
          .execute();
    }
  }

  private static String definition(Path csv, String encoding) {
    return """
        name: service_items
        location: %s
        encoding: %s
        csv: {multiline: false}
        columns:
          - {source: id, name: id, type: long}
          - {source: reported, name: reported, type: date, formats: [yyyy-MM-dd, yyyy年M月]}
          - {source: province, name: province}
          - {source: department, name: department}
          - {source: item_name, name: item_name}
          - {source: channel, name: channel}
          - {source: online_level, name: online_level, type: int}
          - {source: fee, name: fee, type: double}
          - {source: time_limit_days, name: time_limit_days, type: int}
          - {source: satisfaction, name: satisfaction, type: double}
          - {source: legal_basis, name: legal_basis}
          - {source: contact, name: contact}
          - {source: note, name: note}
        keys: [id]
        standardize:
          province: [text, cn_province]
          department: [text]
        """
        .formatted(csv, encoding);
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** Sum of the heap pools' peaks since the last reset: an upper bound of the heap in use. */
  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed())
        .sum();
  }
}
