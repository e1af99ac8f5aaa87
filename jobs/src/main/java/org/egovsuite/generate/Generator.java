package org.egovsuite.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Generates the synthetic datasets in parallel: every file of every table is one Spark task, so the
 * work spreads over the cluster and the files do not depend on how many executors there are. Writes
 * {@code <out>/<dataset>/part-NNNNN.<csv|jsonl>} and {@code <out>/_generation.json} (what was
 * generated and the exact counts of injected messiness, with no timestamps so reruns are
 * byte-identical).
 */
public final class Generator {
  public static final List<String> SCALED =
      List.of(
          TicketTable.NAME,
          ServiceItemTable.NAME,
          SocialAccountTable.NAME,
          VulnerabilityNoticeTable.NAME);
  public static final List<String> DATASETS =
      List.of(
          TicketTable.NAME,
          ServiceItemTable.NAME,
          SocialAccountTable.NAME,
          VulnerabilityNoticeTable.NAME,
          PortalChecklistTable.NAME);
  public static final String MANIFEST = "_generation.json";

  private Generator() {}

  /** What to generate: {@code rows} overrides the scaled row count of a dataset. */
  public record Request(
      long seed, double scale, Map<String, Long> rows, List<String> only, String out) {}

  public static GenerationReport run(
      SparkSession spark, Path home, GeneratorConfig config, Request request) {
    Cities cities = Cities.load(spark, home, request.seed(), config.years().size());
    List<GeneratedTable> tables = new ArrayList<>();
    for (GeneratedTable t :
        List.of(
            new TicketTable(cities, config),
            new ServiceItemTable(cities, config),
            new SocialAccountTable(cities, config),
            new VulnerabilityNoticeTable(cities, config),
            new PortalChecklistTable(cities, config))) {
      if (request.only().isEmpty() || request.only().contains(t.name())) {
        tables.add(t);
      }
    }
    List<FileTask> tasks = new ArrayList<>();
    Map<String, Long> records = new LinkedHashMap<>();
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(request.out());
    for (GeneratedTable t : tables) {
      long n =
          request.rows().getOrDefault(t.name(), t.records(config, request.scale(), cities.size()));
      records.put(t.name(), n);
      clear(spark, new org.apache.hadoop.fs.Path(root, t.name()));
      int files = (int) Math.max(1, (n + config.rowsPerFile() - 1) / config.rowsPerFile());
      for (int f = 0; f < files; f++) {
        long first = f * config.rowsPerFile();
        tasks.add(
            new FileTask(
                t,
                config.ratesFor(t.name()),
                first,
                Math.min(n, first + config.rowsPerFile()),
                new org.apache.hadoop.fs.Path(
                        new org.apache.hadoop.fs.Path(root, t.name()),
                        PartitionWriter.fileName(t, f))
                    .toString()));
      }
    }
    long seed = request.seed();
    List<Written> done =
        org.egovsuite.spark.JobGroups.in(
            spark.sparkContext(),
            "generate",
            "generate " + tasks.size() + " files",
            () ->
                JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .parallelize(tasks, Math.max(1, tasks.size()))
                    .map(
                        task ->
                            new Written(
                                task.table().name(),
                                PartitionWriter.write(
                                    task.table(),
                                    task.rates(),
                                    seed,
                                    task.first(),
                                    task.end(),
                                    task.target())))
                    .collect());
    Map<String, Tally> totals = new LinkedHashMap<>();
    Map<String, Integer> fileCounts = new LinkedHashMap<>();
    for (GeneratedTable t : tables) {
      totals.put(t.name(), new Tally());
      fileCounts.put(t.name(), 0);
    }
    for (Written d : done) {
      totals.put(d.table(), totals.get(d.table()).plus(d.tally()));
      fileCounts.merge(d.table(), 1, Integer::sum);
    }
    List<GenerationReport.Dataset> datasets = new ArrayList<>();
    for (GeneratedTable t : tables) {
      datasets.add(
          new GenerationReport.Dataset(
              t.name(),
              t.format().name().toLowerCase(java.util.Locale.ROOT),
              t.charset(),
              fileCounts.get(t.name()),
              totals.get(t.name()).asMap()));
    }
    GenerationReport report =
        new GenerationReport(true, request.seed(), request.scale(), config.years(), datasets);
    writeManifest(spark, root, report);
    return report;
  }

  private record FileTask(
      GeneratedTable table, Messiness.Rates rates, long first, long end, String target)
      implements java.io.Serializable {}

  private static OutputStream create(FileSystem fs, org.apache.hadoop.fs.Path file)
      throws IOException {
    fs.setWriteChecksum(false);
    return fs.create(file, true);
  }

  private record Written(String table, Tally tally) implements java.io.Serializable {}

  private static void clear(SparkSession spark, org.apache.hadoop.fs.Path dir) {
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.delete(dir, true);
      fs.mkdirs(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void writeManifest(
      SparkSession spark, org.apache.hadoop.fs.Path root, GenerationReport report) {
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(root, MANIFEST);
    try {
      try (FileSystem fs =
              FileSystem.newInstance(file.toUri(), spark.sparkContext().hadoopConfiguration());
          OutputStream out = create(fs, file)) {
        out.write(
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(report)
                .getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
