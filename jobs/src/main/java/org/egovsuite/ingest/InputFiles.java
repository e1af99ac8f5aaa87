package org.egovsuite.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.stage.PerDataset;

/**
 * Expands a dataset's location (path or glob, any Hadoop URI) into input files, then checksums
 * them: two steps, so the checksum can read the files while the parse is being set up.
 */
final class InputFiles {
  private InputFiles() {}

  /** The files a dataset's location matches, with their sizes; their checksums are still null. */
  static List<InputFile> find(DatasetDefinition dataset, Configuration hadoop) {
    Path pattern = new Path(dataset.location());
    try {
      FileSystem fs = pattern.getFileSystem(hadoop);
      FileStatus[] matches = fs.globStatus(pattern);
      if (matches == null || matches.length == 0) {
        throw new InputException(
            "dataset '"
                + dataset.name()
                + "': no input file matches '"
                + dataset.location()
                + "' (key 'location' in "
                + dataset.file()
                + ")");
      }
      List<InputFile> files = new ArrayList<>();
      for (FileStatus match : sorted(matches)) {
        // A directory (a Parquet table, a folder of exports) stands for the data files in it.
        FileStatus[] inside =
            match.isDirectory()
                ? fs.listStatus(match.getPath(), p -> isData(p.getName()))
                : new FileStatus[] {match};
        for (FileStatus status : sorted(inside)) {
          if (status.isFile()) {
            files.add(new InputFile(status.getPath().toString(), status.getLen(), null, -1));
          }
        }
      }
      if (files.isEmpty()) {
        throw new InputException(
            "dataset '"
                + dataset.name()
                + "': '"
                + dataset.location()
                + "' matches only empty folders (key 'location' in "
                + dataset.file()
                + ")");
      }
      return files;
    } catch (IOException e) {
      throw new InputException(
          "dataset '"
              + dataset.name()
              + "': cannot list '"
              + dataset.location()
              + "': "
              + e.getMessage(),
          e);
    }
  }

  /**
   * The bytes of every part's files, to start the largest dataset first; 0 when a location matches
   * nothing or cannot be listed, which the dataset's own ingest then reports with its reason.
   */
  static long bytes(DatasetDefinition dataset, Configuration hadoop) {
    long bytes = 0;
    for (DatasetDefinition part : dataset.partDefinitions()) {
      try {
        bytes += find(part, hadoop).stream().mapToLong(InputFile::bytes).sum();
      } catch (InputException e) {
        // Weighs nothing here: the dataset's own ingest stops with this reason.
      }
    }
    return bytes;
  }

  /**
   * The files of every part in order; a file two parts match would be read twice, so it stops the
   * run naming both parts.
   */
  static List<InputFile> distinctAcrossParts(
      DatasetDefinition dataset, List<List<InputFile>> perPart) {
    java.util.Map<String, Integer> partOf = new java.util.HashMap<>();
    List<InputFile> out = new ArrayList<>();
    for (int i = 0; i < perPart.size(); i++) {
      for (InputFile f : perPart.get(i)) {
        Integer earlier = partOf.putIfAbsent(f.path(), i);
        if (earlier != null) {
          throw new InputException(
              "dataset '"
                  + dataset.name()
                  + "': '"
                  + f.path()
                  + "' is matched by parts "
                  + (earlier + 1)
                  + " and "
                  + (i + 1)
                  + " of "
                  + dataset.file()
                  + "; each file belongs to one part");
        }
        out.add(f);
      }
    }
    return out;
  }

  /**
   * The same files with their SHA-256, read in full, a few files at a time: the rows are written
   * only once every checksum is known, and with one thread the write of 100M tickets (7 GB) began
   * 22 s into the stage, the other datasets' jobs running beside the checksum (BENCHMARKS.md).
   */
  static List<InputFile> checksummed(
      DatasetDefinition dataset, List<InputFile> files, Configuration hadoop) {
    return PerDataset.run(
        files,
        f -> {
          Path path = new Path(f.path());
          try {
            return checksummed(
                f,
                path.getFileSystem(hadoop),
                path,
                countsLines(dataset),
                Compression.of(dataset, f.path()));
          } catch (IOException e) {
            throw new InputException(
                "dataset '"
                    + dataset.name()
                    + "': cannot read '"
                    + f.path()
                    + "': "
                    + e.getMessage(),
                e);
          }
        });
  }

  /** Hadoop's and Spark's markers (_SUCCESS, .crc files) are not data. */
  private static boolean isData(String name) {
    return !name.startsWith("_") && !name.startsWith(".");
  }

  private static List<FileStatus> sorted(FileStatus[] matches) {
    return Arrays.stream(matches)
        .sorted(Comparator.comparing(s -> s.getPath().toString()))
        .toList();
  }

  /** Text formats whose records are lines: csv in an encoding where a newline is one byte. */
  private static boolean countsLines(DatasetDefinition dataset) {
    if (!dataset.format().kind().equals("csv")) {
      return false;
    }
    String encoding = dataset.encoding().toLowerCase(java.util.Locale.ROOT);
    return !encoding.startsWith("utf-16") && !encoding.startsWith("utf-32");
  }

  /**
   * The file with its SHA-256 (of the bytes as published) and, where {@code lines}, the physical
   * line count of its content (decompressed where the file is compressed): one read.
   */
  static InputFile checksummed(
      InputFile f, FileSystem fs, Path path, boolean lines, Compression compression)
      throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
    LineCounter counter = new LineCounter();
    byte[] buffer = new byte[1 << 16];
    try (InputStream raw = new DigestInputStream(fs.open(path), digest);
        InputStream in = compression.open(raw, f.path())) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (lines) {
          counter.update(buffer, n);
        }
      }
      Compression.finish(in, f.path());
      // Bytes after the compressed content (a zip's directory) count in the checksum too.
      raw.transferTo(OutputStream.nullOutputStream());
    }
    return new InputFile(
        f.path(),
        f.bytes(),
        HexFormat.of().formatHex(digest.digest()),
        lines ? counter.lines() : -1);
  }
}
