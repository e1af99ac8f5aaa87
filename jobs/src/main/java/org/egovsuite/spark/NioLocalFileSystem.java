package org.egovsuite.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
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
   * {@code file:} (Spark's, Iceberg's and ours alike; executors get it with the configuration the
   * driver sends). Call before any {@code file:} file system is made: Hadoop caches them by scheme,
   * not by configuration.
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

  static Set<PosixFilePermission> posix(FsPermission permission) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    add(
        set,
        permission.getUserAction(),
        PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_EXECUTE);
    add(
        set,
        permission.getGroupAction(),
        PosixFilePermission.GROUP_READ,
        PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_EXECUTE);
    add(
        set,
        permission.getOtherAction(),
        PosixFilePermission.OTHERS_READ,
        PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_EXECUTE);
    return set;
  }

  private static void add(
      Set<PosixFilePermission> set,
      FsAction action,
      PosixFilePermission read,
      PosixFilePermission write,
      PosixFilePermission execute) {
    if (action.implies(FsAction.READ)) {
      set.add(read);
    }
    if (action.implies(FsAction.WRITE)) {
      set.add(write);
    }
    if (action.implies(FsAction.EXECUTE)) {
      set.add(execute);
    }
  }
}
