package org.egovsuite.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 over a set of configuration folders: every regular file's path (relative to the home) and
 * bytes, in path order, so the hash changes exactly when a definition, rule or lookup does.
 */
public final class ConfigHash {
  private ConfigHash() {}

  /** SHA-256 over the pipeline file's folder and the rule files: what a run's configuration was. */
  public static String of(org.egovsuite.config.PipelineConfig config) {
    return of(config.home(), List.of(Path.of(config.file()).getParent(), config.rulesDir()));
  }

  public static String of(Path home, List<Path> folders) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path folder : folders.stream().distinct().toList()) {
        if (!Files.isDirectory(folder)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(folder)) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            digest.update(
                home.relativize(file.toAbsolutePath().normalize())
                    .toString()
                    .getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Files.readAllBytes(file));
            digest.update((byte) 0);
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hash the configuration: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
