package org.egovsuite.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;

/**
 * One writing run per warehouse: the stages share the warehouse's stage records ({@code _state/})
 * and a run's branches, so a second run that started meanwhile stops at once, naming the run that
 * holds the warehouse. Commands that only read (sql, lineage, quality history) take no lock;
 * Iceberg's snapshots keep what they read whole while a run publishes.
 *
 * <p>Local warehouses use an operating-system lock on {@value #FILE}, which the system releases
 * when the process dies, even by kill -9. On a remote file system the lock is the file's exclusive
 * creation, removed when the run ends; a run killed outright leaves it, and the message says which
 * run it names and that it may be deleted once that run is gone.
 */
public final class WarehouseLock implements AutoCloseable {
  static final String FILE = "_state/run.lock";

  private final FileChannel channel;
  private final FileLock lock;
  private final FileSystem fs;
  private final org.apache.hadoop.fs.Path remote;

  private WarehouseLock(
      FileChannel channel, FileLock lock, FileSystem fs, org.apache.hadoop.fs.Path remote) {
    this.channel = channel;
    this.lock = lock;
    this.fs = fs;
    this.remote = remote;
  }

  /**
   * @throws WarehouseBusyException when another run holds the warehouse
   */
  public static WarehouseLock acquire(
      String warehouse, Configuration hadoop, String runId, String command) {
    String holder =
        "run "
            + runId
            + " (egov "
            + command
            + ", pid "
            + ProcessHandle.current().pid()
            + ", started "
            + java.time.Instant.now()
            + ")";
    return LocalWarehouseCheck.isLocal(warehouse)
        ? local(LocalWarehouseCheck.localPath(warehouse), holder)
        : remote(warehouse, hadoop, holder);
  }

  private static WarehouseLock local(Path root, String holder) {
    Path file = root.resolve(FILE);
    try {
      Files.createDirectories(file.getParent());
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException e) {
        lock = null; // held by another command of this JVM
      }
      if (lock == null) {
        String other = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
        channel.close();
        throw busy(root.toString(), other, "");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
      return new WarehouseLock(channel, lock, null, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  private static WarehouseLock remote(String warehouse, Configuration hadoop, String holder) {
    org.apache.hadoop.fs.Path file =
        new org.apache.hadoop.fs.Path(warehouse.replaceAll("/+$", "") + "/" + FILE);
    try {
      FileSystem fs = file.getFileSystem(hadoop);
      try (FSDataOutputStream out = fs.create(file, false)) {
        out.write(holder.getBytes(StandardCharsets.UTF_8));
      } catch (FileAlreadyExistsException e) {
        String other;
        try (var in = fs.open(file)) {
          other = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        throw busy(warehouse, other, "; if that run is no longer running (killed), delete " + file);
      }
      return new WarehouseLock(null, null, fs, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  private static WarehouseBusyException busy(String warehouse, String other, String hint) {
    return new WarehouseBusyException(
        "warehouse "
            + warehouse
            + " is in use by "
            + (other.isEmpty() ? "another run" : other)
            + "; nothing was done — wait for it to finish, or use another "
            + "--warehouse"
            + hint);
  }

  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.release();
        channel.close();
      }
      if (fs != null) {
        fs.delete(remote, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
