package org.egovsuite.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.config.DatasetLocations;
import org.egovsuite.config.ExitCodes;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.config.PipelineConfigLoader;
import org.egovsuite.config.RunProfile;
import org.egovsuite.config.RunProfileLoader;
import org.egovsuite.indicators.IndicatorInputs;
import org.egovsuite.pipeline.Pipeline;
import org.egovsuite.quality.RuleFiles;
import org.egovsuite.spark.SessionProvider;
import org.egovsuite.spark.SessionSettings;
import org.egovsuite.spark.SizedStage;
import org.egovsuite.stage.JobContext;
import org.egovsuite.stage.StageReport;
import org.egovsuite.warehouse.LocalWarehouseCheck;
import org.egovsuite.warehouse.TableCatalog;
import org.egovsuite.warehouse.Warehouse;
import org.egovsuite.warehouse.WarehouseAccessException;
import org.egovsuite.warehouse.WarehouseLock;

/**
 * Everything a command does around its stages: load the config before Spark starts (so a bad file
 * fails in a second), route logs to the run's log file, open the one SparkSession, map failures to
 * exit codes, print the summary.
 */
final class CommandRunner {
  /**
   * The body of a command: runs stages and hands each stage's report, or its own result, to the
   * summary.
   */
  interface Body {
    void run(JobContext ctx, Reports report);
  }

  /** Where a command's body hands what it did. */
  interface Reports extends Consumer<StageReport> {
    /**
     * A command's own result (a query's rows, a dry run, a lineage): printed, and in --json as is.
     */
    void result(Object value);
  }

  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  private final SessionProvider sessions;
  private final PrintStream out;
  private final PrintStream err;

  CommandRunner(SessionProvider sessions, PrintStream out, PrintStream err) {
    this.sessions = sessions;
    this.out = out;
    this.err = err;
  }

  int run(CommonOptions options, String command, Body body) {
    return run(options, command, config -> {}, body, false, true);
  }

  /**
   * @param preflight checks that need no Spark, run once the config has loaded
   * @param readOnly the command only reads the warehouse: its log stays in the temp folder and it
   *     takes no run lock
   * @param needsSpark false: the command works with Iceberg's Java API (and DuckDB) alone, and
   *     answers in a second or two instead of waiting for Spark
   */
  int run(
      CommonOptions options,
      String command,
      java.util.function.Consumer<PipelineConfig> preflight,
      Body body,
      boolean readOnly,
      boolean needsSpark) {
    long start = System.nanoTime();
    RunSummary summary = new RunSummary();
    summary.command = command;
    summary.runId = newRunId();
    // Until the config says otherwise (it may fail to load): the command line's or the default.
    summary.warehouse = warehouseUri(options.warehouse != null ? options.warehouse : "warehouse");
    // Until the run's own log is opened in the warehouse: this run's file in the temp folder.
    String fallbackLog = Logging.fallbackFile(summary.runId);
    summary.logFile = fallbackLog;
    Console console = new Console(out, options.quiet, options.json);
    SparkSession spark = null;
    Warehouse warehouse = null;
    WarehouseLock lock = null;
    try {
      Path home = homeOf(options);
      RunProfile profile = RunProfileLoader.load(home, options.profile);
      // Spark-free readers (sql, lineage) need where the warehouse is, not every definition
      // checked.
      PipelineConfig config =
          readOnly && !needsSpark
              ? PipelineConfigLoader.settingsOnly(configFile(options), home)
              : loadConfig(options, profile.inputs());
      DatasetLocations.check(config, profile);
      EffectiveSettings settings = EffectiveSettings.resolve(options, config, profile);
      preflight.accept(config);
      summary.warehouse = warehouseUri(settings.warehouse());
      Configuration hadoop = hadoopSettings(settings.spark());
      if (JitRelaunch.pending() && needsSpark && !readOnly) {
        long bytes =
            Pipeline.bytesReadFirst(
                command, config, new Warehouse(summary.warehouse, hadoop, settings.catalog()));
        if (bytes >= SizedStage.smallBelow(settings.spark())) {
          if (!options.quiet && !options.json) {
            err.printf(
                "egov: %,d bytes to read: continuing in a JVM with the optimising compiler%n",
                bytes);
          }
          Logging.discard(fallbackLog);
          return JitRelaunch.relaunch(options.givenArgs());
        }
      }
      if (!readOnly) {
        LocalWarehouseCheck.requireWritable(summary.warehouse);
        // before Spark starts: a second run into the same warehouse stops at once
        lock = WarehouseLock.acquire(summary.warehouse, hadoop, summary.runId, command);
        summary.logFile = logFile(summary.warehouse, summary.runId);
        Logging.toFile(summary.logFile);
      }
      console.header(command, summary.runId, summary.warehouse);
      if (needsSpark) {
        if (!settings.local()) {
          console.note(
              "spark-submit equivalent: "
                  + settings.submitLine(options.givenArgs(), summary.warehouse));
          SparkMasters.requireReachable(settings.master());
        }
        // Spark's progress bar redraws one terminal line; in a log or a pipe it is only noise.
        boolean progress = !options.quiet && !options.json && System.console() != null;
        spark =
            sessions.open(
                new SessionSettings(
                    settings.master(), "egov " + command, progress, settings.spark()));
        hadoop = spark.sparkContext().hadoopConfiguration();
      }
      warehouse = new Warehouse(summary.warehouse, hadoop, settings.catalog());
      // A reader of a warehouse with nothing published (quality check on a scratch warehouse)
      // gets no catalog: Spark would create one, and the warehouse folder, on its first query.
      if (spark != null && (!readOnly || warehouse.hasCatalog())) {
        TableCatalog.register(spark, warehouse.catalogProperties());
      }
      body.run(new JobContext(spark, config, warehouse, summary.runId, console), summary);
      summary.exitCode = ExitCodes.OK;
    } catch (RuntimeException | Error e) {
      summary.exitCode = Errors.exitCode(e);
      summary.error = Errors.message(e);
      err.println("egov: error: " + summary.error);
      if (options.verbose) {
        e.printStackTrace(err);
      } else if (summary.exitCode == ExitCodes.RUNTIME_FAILURE
          && !(e instanceof WarehouseAccessException)
          && spark != null) {
        Logging.touch(summary.logFile);
        err.println(
            "egov: rerun with --verbose for the stack trace; Spark's log: " + summary.logFile);
      }
    } finally {
      if (warehouse != null) {
        warehouse.close();
      }
      if (spark != null) {
        sessions.close(spark);
      }
      if (lock != null) {
        lock.close();
      }
    }
    // A command that kept its log in the temporary folder (a reader, or a config that did not
    // load) and succeeded has nothing to look up in it: without this, every `sql` or `quality
    // check` left a file there. A failed one keeps it, as the error message names it.
    if (summary.exitCode == ExitCodes.OK && summary.logFile.equals(fallbackLog)) {
      Logging.discard(fallbackLog);
      summary.logFile = null;
    }
    summary.wallSeconds = (System.nanoTime() - start) / 1e9;
    console.summary(summary);
    return summary.exitCode;
  }

  /**
   * The Hadoop settings of a command that starts no Spark: the {@code spark.hadoop.*} settings of
   * the profile, job config and command line, as Spark would pass them to Hadoop.
   */
  static Configuration hadoopSettings(java.util.Map<String, String> spark) {
    Configuration hadoop = new Configuration();
    spark.forEach(
        (k, v) -> {
          if (k.startsWith("spark.hadoop.")) {
            hadoop.set(k.substring("spark.hadoop.".length()), v);
          }
        });
    return hadoop;
  }

  /**
   * @param inputs base for relative dataset locations (the profile's), null for the home
   */
  static PipelineConfig loadConfig(CommonOptions options, String inputs) {
    Path file = configFile(options);
    RuleFiles.parseFirst(file, homeOf(options));
    PipelineConfig config = PipelineConfigLoader.load(file, homeOf(options), inputs);
    RuleFiles.loadAll(config);
    IndicatorInputs.check(config, RuleFiles.columnsOf(config));
    return config;
  }

  private static Path configFile(CommonOptions options) {
    Path file =
        options.conf != null
            ? Paths.get(options.conf)
            : (options.home != null ? Paths.get(options.home) : home())
                .resolve("conf/pipeline.yaml");
    return file.toAbsolutePath().normalize();
  }

  /**
   * The project home: {@code --home}; else, for a pipeline file in a {@code conf/} folder, the
   * folder above it (a project copy, {@code <home>/conf/pipeline.yaml}); else the launcher's home.
   * Never blindly the file's grandparent: {@code conf/sub/x.yaml} would look for {@code
   * conf/conf/}.
   */
  static Path homeOf(CommonOptions options) {
    if (options.home != null) {
      return Paths.get(options.home).toAbsolutePath().normalize();
    }
    Path file = configFile(options);
    Path folder = file.getParent();
    if (folder != null
        && folder.getFileName() != null
        && folder.getFileName().toString().equals("conf")
        && folder.getParent() != null) {
      return folder.getParent();
    }
    return home();
  }

  /**
   * The project home: set by bin/egov (and the build for tests); else the working directory when it
   * holds a project; else the configuration the cluster jar carries ({@link PackagedHome}).
   */
  static Path home() {
    String set = System.getProperty("egov.home");
    if (set != null) {
      return Paths.get(set).toAbsolutePath().normalize();
    }
    Path here = Paths.get(".").toAbsolutePath().normalize();
    if (Files.isRegularFile(here.resolve("conf/pipeline.yaml"))) {
      return here;
    }
    return PackagedHome.get().orElse(here);
  }

  static String warehouseUri(String warehouse) {
    return warehouse.contains("://")
        ? warehouse
        : Paths.get(warehouse).toAbsolutePath().normalize().toString();
  }

  /** Local warehouses keep the log with the run; for remote ones it stays on this machine. */
  static String logFile(String warehouse, String runId) {
    if (warehouse.contains("://") && !warehouse.startsWith("file:")) {
      return Paths.get(System.getProperty("java.io.tmpdir"), "egov-" + runId + ".log").toString();
    }
    return Paths.get(warehouse.replaceFirst("^file:(//)?", ""), "runs", runId, "egov.log")
        .toString();
  }

  static String newRunId() {
    byte[] random = new byte[3];
    new SecureRandom().nextBytes(random);
    return ZonedDateTime.now(ZoneOffset.UTC).format(RUN_TIME)
        + "-"
        + HexFormat.of().formatHex(random);
  }
}
