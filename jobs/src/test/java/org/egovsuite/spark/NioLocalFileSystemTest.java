package org.egovsuite.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NioLocalFileSystemTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void octalModesBecomeThePosixBitsChmodWouldSet() {
    assertThat(NioLocalFileSystem.posix(new FsPermission((short) 0644)))
        .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(NioLocalFileSystem.posix(new FsPermission((short) 0755)))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(NioLocalFileSystem.posix(new FsPermission((short) 0610)))
        .isEqualTo(PosixFilePermissions.fromString("rw---x---"));
    assertThat(NioLocalFileSystem.posix(new FsPermission((short) 0)))
        .isEqualTo(PosixFilePermissions.fromString("---------"));
  }

  @Test
  void onceInstalledFileUrisGetItAndFilesAndFoldersTheModesAsked() throws Exception {
    NioLocalFileSystem.install();
    // a new instance, not the JVM's cached one, which an earlier test may have made
    try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), new Configuration())) {
      assertThat(fs).isInstanceOf(NioLocalFileSystem.class);
      Path folder = new Path(dir.toUri().toString(), "a/b");
      assertThat(fs.mkdirs(folder, new FsPermission((short) 0750))).isTrue();
      Path file = new Path(folder, "f.txt");
      try (FSDataOutputStream out =
          fs.create(file, new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20, null)) {
        out.writeBytes("x");
      }
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))))
          .isEqualTo("rwxr-x---");
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(dir.resolve("a/b/f.txt"))))
          .isEqualTo("rw-r-----");
      fs.setPermission(file, new FsPermission((short) 0604));
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(dir.resolve("a/b/f.txt"))))
          .isEqualTo("rw----r--");
    }
  }
}
