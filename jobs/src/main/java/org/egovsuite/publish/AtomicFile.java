package org.egovsuite.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * Replaces a small file in one step: the new text is written aside and renamed over the old file
 * with FileContext's rename and OVERWRITE (atomic on POSIX file systems and HDFS, where
 * FileSystem.rename would refuse an existing target). A crash leaves the old file or the new one.
 */
final class AtomicFile {
  private AtomicFile() {}

  static void write(String file, String text, Configuration hadoop) {
    Path target = new Path(file);
    Path aside = new Path(target.getParent(), "." + target.getName() + ".tmp");
    try {
      try (OutputStream out = target.getFileSystem(hadoop).create(aside, true)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      FileContext.getFileContext(target.toUri(), hadoop).rename(aside, target, Options.Rename.OVERWRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace " + file + ": " + e.getMessage(), e);
    }
  }
}
