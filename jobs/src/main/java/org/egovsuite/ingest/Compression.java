package org.egovsuite.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.egovsuite.config.DatasetDefinition;

/**
 * Compressed input files, as portals publish them: {@code .gz} and {@code .bz2} (one stream),
 * {@code .zip} with one member. Chosen by the definition's {@code compression} ({@code auto}: by
 * the file's extension). Decompressed as a stream (the JDK's gzip and zip readers, Commons Compress
 * for bzip2), so line numbers, accounting and quarantine work as for plain files; the checksum
 * stays that of the file as published.
 */
public enum Compression {
  NONE,
  GZIP,
  BZIP2,
  ZIP;

  /** The compression of one file of a dataset. */
  static Compression of(DatasetDefinition dataset, String path) {
    String declared = dataset.format().compression();
    if (!declared.equals("auto")) {
      return valueOf(declared.toUpperCase(Locale.ROOT));
    }
    String name = path.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      return GZIP;
    }
    if (name.endsWith(".bz2")) {
      return BZIP2;
    }
    return name.endsWith(".zip") ? ZIP : NONE;
  }

  /** The file's content: {@code raw} itself, or decompressed. */
  InputStream open(InputStream raw, String path) throws IOException {
    return switch (this) {
      case NONE -> raw;
      case GZIP -> new GZIPInputStream(raw, 1 << 16);
      case BZIP2 -> new BZip2CompressorInputStream(new BufferedInputStream(raw, 1 << 16), true);
      case ZIP -> onlyMember(raw, path);
    };
  }

  /**
   * The one file of a zip archive (folders skipped). A second file is found only when the first has
   * been read: {@link InputFiles} reads every file whole before the parse and so refuses a zip of
   * several files (through {@link #finish}) before any row is written.
   */
  private static InputStream onlyMember(InputStream raw, String path) throws IOException {
    ZipInputStream zip = new ZipInputStream(new BufferedInputStream(raw, 1 << 16));
    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
      if (!entry.isDirectory()) {
        return zip;
      }
    }
    throw new InputException(path + ": zip archive holds no file; expected one");
  }

  /** After the content was read to its end: a zip must hold no second file. */
  static void finish(InputStream content, String path) throws IOException {
    if (content instanceof ZipInputStream zip) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (!entry.isDirectory()) {
          throw new InputException(
              path
                  + ": zip archive holds more than one file (also '"
                  + entry.getName()
                  + "'); a dataset reads zip archives of one file: give each file its own archive or unpack them");
        }
      }
    }
  }
}
