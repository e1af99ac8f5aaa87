package org.egovsuite.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real Spark standalone cluster on 127.0.0.1: a Master and Workers, each its own JVM started from
 * the Spark runtime jars Maven resolved (target/spark-runtime.classpath). A Worker launches
 * executors from its SPARK_HOME, so the cluster gets a folder with {@code jars/} (links to those
 * jars) and a {@code RELEASE} file, and {@code SPARK_SCALA_VERSION=2.12}.
 */
public final class StandaloneCluster implements AutoCloseable {
  /**
   * How long a process may take to log the line awaited. Generous: the integration tests run side
   * by side (failsafe's two forks) on a 2-core machine.
   */
  private static final Duration STARTUP = Duration.ofSeconds(300);

  private final Path dir;
  private final List<String> classpath;
  private final Process master;
  private final String masterUrl;
  private final List<Process> workers = new ArrayList<>();

  private StandaloneCluster(Path dir, List<String> classpath, Process master, String masterUrl) {
    this.dir = dir;
    this.classpath = classpath;
    this.master = master;
    this.masterUrl = masterUrl;
  }

  /** Starts a master and {@code workers} workers of one core and 1 GiB each, registered. */
  public static StandaloneCluster start(Path dir, int workers) {
    try {
      List<String> classpath = sparkRuntime();
      Path home = sparkHome(dir.resolve("spark-home"), classpath);
      Path masterLog = dir.resolve("master.log");
      // Port 0: the master binds a port the system gives it and logs its URL. A port picked here
      // and passed on could be taken before the master's JVM binds it (the HDFS test beside this
      // one opens many): Spark then moves to the next port and the workers, told the first one,
      // never register.
      Process master =
          java(
              home,
              classpath,
              masterLog,
              List.of(
                  "org.apache.spark.deploy.master.Master",
                  "--host",
                  "127.0.0.1",
                  "--port",
                  "0",
                  "--webui-port",
                  Integer.toString(freePort())));
      awaitLine(masterLog, "I have been elected leader", master);
      StandaloneCluster cluster =
          new StandaloneCluster(dir, classpath, master, boundMasterUrl(masterLog));
      for (int i = 0; i < workers; i++) {
        cluster.addWorker(home, i);
      }
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void addWorker(Path home, int index) throws IOException {
    Path log = dir.resolve("worker-" + index + ".log");
    Process worker =
        java(
            home,
            classpath,
            log,
            List.of(
                "org.apache.spark.deploy.worker.Worker",
                "--host",
                "127.0.0.1",
                "--cores",
                "1",
                "--memory",
                "1g",
                "--webui-port",
                Integer.toString(freePort()),
                "--work-dir",
                Files.createDirectories(dir.resolve("work-" + index)).toString(),
                masterUrl));
    workers.add(worker);
    awaitLine(log, "Successfully registered with master", worker);
  }

  public String masterUrl() {
    return masterUrl;
  }

  public List<String> classpath() {
    return classpath;
  }

  /** Kills a worker and the executors it launched, as a lost machine would (no clean shutdown). */
  public void killWorker(int index) {
    Process worker = workers.get(index);
    worker.descendants().forEach(ProcessHandle::destroyForcibly);
    worker.destroyForcibly();
  }

  @Override
  public void close() {
    for (Process worker : workers) {
      worker.descendants().forEach(ProcessHandle::destroyForcibly);
      worker.destroyForcibly();
    }
    master.destroyForcibly();
  }

  /**
   * The Spark runtime jars: what a Spark installation ships — the "provided" dependencies and the
   * shared ones Maven files under compile (logging, commons) — as the build listed them.
   */
  public static List<String> sparkRuntime() throws IOException {
    List<String> out = new ArrayList<>();
    for (String name :
        List.of("target/spark-runtime.classpath", "target/spark-runtime-shared.classpath")) {
      Path file = Path.of(name);
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(
            file.toAbsolutePath() + " missing: run 'mvn package' (prepare-package writes it)");
      }
      for (String jar :
          Files.readString(file, StandardCharsets.UTF_8)
              .strip()
              .split(java.io.File.pathSeparator)) {
        if (!jar.isBlank() && !out.contains(jar)) {
          out.add(jar);
        }
      }
    }
    return out;
  }

  private static Path sparkHome(Path home, List<String> classpath) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (String jar : classpath) {
      Path source = Path.of(jar);
      Path link = jars.resolve(source.getFileName());
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, source);
      }
    }
    Files.writeString(home.resolve("RELEASE"), "Spark 3.5.9 (jars from the Maven build)\n");
    return home;
  }

  /**
   * A JVM on the Spark runtime classpath with Java 17's --add-opens flags and the cluster's
   * environment.
   */
  public static Process java(
      Path sparkHome, List<String> classpath, Path log, List<String> mainAndArgs)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
    command.addAll(addOpens());
    command.add("-cp");
    command.add(String.join(java.io.File.pathSeparator, classpath));
    command.addAll(mainAndArgs);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.12");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }

  /** Java 17's --add-opens flags for Spark, as the build passes them to the test JVM. */
  public static List<String> addOpens() {
    String flags = System.getProperty("spark.add.opens", "");
    return flags.isBlank() ? List.of() : Arrays.asList(flags.strip().split("\\s+"));
  }

  /**
   * Waits until {@code log} has a line containing {@code text}; fails if the process dies first.
   */
  public static void awaitLine(Path log, String text, Process process) {
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      if (contains(log, text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "process exited " + process.exitValue() + " before '" + text + "'; see " + log);
      }
      sleep(200);
    }
    throw new IllegalStateException("no '" + text + "' in " + log + " within " + STARTUP);
  }

  public static boolean contains(Path log, String text) {
    try {
      return Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The URL the master logged on start ({@code Starting Spark master at spark://host:port}). */
  private static String boundMasterUrl(Path masterLog) throws IOException {
    java.util.regex.Matcher url =
        java.util.regex.Pattern.compile("Starting Spark master at (spark://\\S+)")
            .matcher(Files.readString(masterLog, StandardCharsets.ISO_8859_1));
    if (!url.find()) {
      throw new IllegalStateException("no 'Starting Spark master at' in " + masterLog);
    }
    return url.group(1);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
