package org.egovsuite.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * Hadoop's local file system ({@code file:}) setting permissions through {@code java.nio} instead
 * of a {@code chmod} process. Without Hadoop's native library — it is not on Maven Central, and
 * none of our machines has it — {@link RawLocalFileSystem#setPermission} starts {@code chmod} for
 * every file and folder Spark, Parquet and Iceberg create: 1,787 processes in one bundled run, each
 * a fork of a JVM with gigabytes mapped. The JDK sets the same POSIX bits itself; what it cannot
 * (the sticky bit, a file system without POSIX attributes) goes to Hadoop's way as before.
 */
public final class NioLocalFileSystem extends LocalFileSystem {
  /** The resource that names this class for {@code file:} in every Hadoop configuration. */
  static final String DEFAULTS = "egov-hadoop-defaults.xml";

  public NioLocalFileSystem() {
    super(new Raw());
  }

  /**
   * Makes every Hadoop configuration created from now on in this JVM use this file system for
   * {@code file:} (Spark's, Iceberg's and ours alike). Call before any {@code file:} file system is
   * made: Hadoop caches them by scheme, not by configuration.
   */
  public static void install() {
    Configuration.addDefaultResource(DEFAULTS);
  }

  static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      if (NativeIO.isAvailable() || permission.getStickyBit()) {
        super.setPermission(p, permission);
        return;
      }
      try {
        Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
      } catch (UnsupportedOperationException e) {
        super.setPermission(p, permission);
      }
    }
  }

  /** The bits as chmod sets them: owner, group and others, each its {@code rwx} symbol. */
  static Set<PosixFilePermission> posix(FsPermission permission) {
    return PosixFilePermissions.fromString(
        permission.getUserAction().SYMBOL
            + permission.getGroupAction().SYMBOL
            + permission.getOtherAction().SYMBOL);
  }
}
