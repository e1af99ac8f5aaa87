package org.egovsuite.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.config.RunProfile;

/**
 * Where a run goes and how Spark is set up, each setting taken from the first place that has it:
 * command line ({@code --master}, {@code --warehouse}, {@code --spark-conf}) > job config ({@code
 * warehouse:}, {@code spark:} in the pipeline file) > profile ({@code --profile}, {@code
 * conf/profiles/<name>.yaml}) > default (local[*] or spark-submit's master; ./warehouse).
 *
 * @param master null means "the one spark-submit set"
 * @param catalog the profile's Iceberg catalog properties (empty: the warehouse's own catalog)
 */
record EffectiveSettings(
    String master, String warehouse, Map<String, String> spark, Map<String, String> catalog) {
  /** Keys whose values are credentials: never printed, never logged. */
  private static final Pattern SECRET =
      Pattern.compile(
          "(?i).*(secret|password|passwd|token|credential|access\\.key|"
              + "session\\.key|\\.key$).*");

  static final String MASK = "****";
  static final String CLUSTER_JAR = "jobs/target/egov-jobs-cluster.jar";

  static EffectiveSettings resolve(
      CommonOptions options, PipelineConfig config, RunProfile profile) {
    String master = options.master != null ? options.master : profile.master();
    if (master == null) {
      master = System.getProperty("spark.master") != null ? null : "local[*]";
    }
    String warehouse =
        first(options.warehouse, config.warehouse(), profile.warehouse(), "warehouse");
    Map<String, String> spark = new LinkedHashMap<>(profile.spark());
    spark.putAll(config.spark());
    spark.putAll(options.sparkConf);
    return new EffectiveSettings(master, warehouse, spark, profile.catalog());
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  static String masked(String key, String value) {
    return SECRET.matcher(key).matches() ? MASK : value;
  }

  /** The settings as printed: credentials masked. */
  Map<String, String> printableSpark() {
    Map<String, String> out = new LinkedHashMap<>();
    spark.forEach((k, v) -> out.put(k, masked(k, v)));
    return out;
  }

  boolean local() {
    return master == null || master.startsWith("local");
  }

  /** Options of ours that spark-submit's own options replace in the printed line. */
  private static final java.util.Set<String> SUBMIT_OWN =
      java.util.Set.of("--master", "--spark-conf");

  /**
   * The spark-submit command that runs the same command, with every argument it was given, on the
   * same master with the cluster jar: the Spark settings as {@code --conf} (credentials masked:
   * pass them from the environment or a properties file) and Java 17's module openings for the
   * driver and the executors, as Spark's launcher lists them ({@link
   * org.apache.spark.launcher.JavaModuleOptions}), so the line runs as printed.
   *
   * @param args the command line as given (command path, options, parameters)
   */
  String submitLine(List<String> args, String warehouseUri) {
    String opens = org.apache.spark.launcher.JavaModuleOptions.defaultModuleOptions();
    List<String> parts = new ArrayList<>(List.of("spark-submit"));
    if (master != null) {
      parts.addAll(List.of("--master", master));
    }
    parts.addAll(
        List.of(
            "--deploy-mode",
            "client",
            "--class",
            "org.egovsuite.cli.EgovMain",
            "--driver-java-options",
            opens));
    Map<String, String> conf = new java.util.LinkedHashMap<>(printableSpark());
    conf.merge("spark.executor.extraJavaOptions", opens, (mine, theirs) -> mine + " " + theirs);
    conf.forEach((k, v) -> parts.addAll(List.of("--conf", k + "=" + v)));
    parts.add(CLUSTER_JAR);
    boolean warehouse = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (SUBMIT_OWN.contains(name)) {
        i += arg.contains("=") ? 0 : 1;
        continue;
      }
      warehouse |= name.equals("--warehouse");
      parts.add(arg);
    }
    if (!warehouse) {
      parts.addAll(List.of("--warehouse", warehouseUri));
    }
    return String.join(" ", parts.stream().map(EffectiveSettings::quoted).toList());
  }

  private static String quoted(String part) {
    return part.matches("[A-Za-z0-9_@%+=:,./\\[\\]*-]+")
        ? part
        : "'" + part.replace("'", "'\\''") + "'";
  }
}
