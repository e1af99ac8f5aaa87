package org.egovsuite.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The configuration the jar carries: the build copies {@code conf/} and {@code quality-rules/} into
 * {@code egov-home/} of the jar, so a driver started where no project folder exists (YARN cluster
 * mode, a Kubernetes pod) finds the pipeline, datasets, indicators, profiles, reference tables and
 * rule files without hand-copied folders. Extracted once per JVM into a temporary folder, which
 * then serves as the project home.
 */
final class PackagedHome {
  static final String FOLDER = "egov-home/";
  private static Path extracted;

  private PackagedHome() {}

  /** The extracted home, or empty when this code does not run from a jar that carries one. */
  static synchronized Optional<Path> get() {
    if (extracted != null) {
      return Optional.of(extracted);
    }
    Optional<Path> jar = jar();
    if (jar.isEmpty()) {
      return Optional.empty();
    }
    try (JarFile file = new JarFile(jar.get().toFile())) {
      if (file.getJarEntry(FOLDER + "conf/pipeline.yaml") == null) {
        return Optional.empty();
      }
      Path home = Files.createTempDirectory("egov-home-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(home), "egov-home-cleanup"));
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (!entry.getName().startsWith(FOLDER) || entry.isDirectory()) {
          continue;
        }
        Path target = home.resolve(entry.getName().substring(FOLDER.length())).normalize();
        if (!target.startsWith(home)) {
          continue; // a name with ../ in it: never written outside the folder
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, target);
        }
      }
      extracted = home;
      return Optional.of(home);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot extract the configuration the jar carries: " + e.getMessage(), e);
    }
  }

  private static void delete(Path folder) {
    try (var paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder: the system cleans it up eventually
    }
  }

  private static Optional<Path> jar() {
    try {
      var source = PackagedHome.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path path = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(path) && path.toString().endsWith(".jar")
          ? Optional.of(path)
          : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
  }
}
