package org.egovsuite.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Copies the Parquet files Spark wrote into a version folder (partition folders kept), adding
 * key-value metadata to each footer (run id, table, version). Spark's writer has no option for
 * custom footer metadata, so the files are re-framed with parquet-mr's own
 * {@code ParquetFileWriter.appendFile}, which
 * copies the compressed row groups byte for byte (no decoding) and writes a new footer: the
 * original metadata (Spark's schema) plus ours.
 */
public final class ParquetSealer {
  public static final String RUN_ID = "egov.run_id";
  public static final String TABLE = "egov.table";
  public static final String VERSION = "egov.table_version";

  private ParquetSealer() {}

  /**
   * What was sealed, read from the footers.
   *
   * @param partitionColumns the columns of the folder names ({@code year=2018/} → year), which
   *     readers add after the file columns
   */
  public record Sealed(long rows, int files, MessageType schema, List<String> partitionColumns) {
    /** The columns readers see: the files' columns, then the partition columns. */
    public List<String> columns() {
      List<String> out = new ArrayList<>(schema == null ? List.of()
          : schema.getFields().stream().map(org.apache.parquet.schema.Type::getName).toList());
      out.addAll(partitionColumns);
      return out;
    }
  }

  /** Copies every Parquet file under {@code from} to the same relative path under {@code to}. */
  public static Sealed seal(String from, String to, Map<String, String> metadata, Configuration hadoop) {
    try {
      Path source = new Path(from);
      List<String> partitionColumns = new ArrayList<>();
      long rows = 0;
      MessageType schema = null;
      List<FileStatus> parts = parquetFiles(source, hadoop);
      for (FileStatus part : parts) {
        String relative = relative(source, part.getPath());
        if (partitionColumns.isEmpty()) {
          partitionColumns.addAll(partitionColumns(relative));
        }
        HadoopInputFile in = HadoopInputFile.fromStatus(part, hadoop);
        ParquetMetadata footer;
        try (ParquetFileReader reader = ParquetFileReader.open(in)) {
          footer = reader.getFooter();
          rows += reader.getRecordCount();
        }
        FileMetaData meta = footer.getFileMetaData();
        schema = meta.getSchema();
        Map<String, String> keyValues = new LinkedHashMap<>(meta.getKeyValueMetaData());
        keyValues.putAll(metadata);
        ParquetFileWriter writer = new ParquetFileWriter(
            HadoopOutputFile.fromPath(new Path(to, relative), hadoop), schema,
            ParquetFileWriter.Mode.CREATE, org.apache.parquet.hadoop.ParquetWriter.DEFAULT_BLOCK_SIZE, 0);
        writer.start();
        writer.appendFile(in);
        writer.end(keyValues);
      }
      return new Sealed(rows, parts.size(), schema, partitionColumns);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the Parquet files of " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }

  /** The Parquet files under a folder, at any depth, in the order of their relative paths. */
  public static List<FileStatus> parquetFiles(Path folder, Configuration hadoop) throws IOException {
    List<FileStatus> out = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> files = folder.getFileSystem(hadoop).listFiles(folder, true);
    while (files.hasNext()) {
      LocatedFileStatus file = files.next();
      if (file.getPath().getName().endsWith(".parquet")) {
        out.add(file);
      }
    }
    out.sort(java.util.Comparator.comparing(s -> relative(folder, s.getPath())));
    return out;
  }

  /** {@code year=2018/part-0.parquet} below {@code folder}. */
  public static String relative(Path folder, Path file) {
    // by path component: one side may be qualified (file:/…, hdfs://nn/…) and the other not
    String base = folder.toUri().getPath().replaceAll("/+$", "") + "/";
    String path = file.toUri().getPath();
    if (!path.startsWith(base)) {
      throw new IllegalArgumentException(file + " is not under " + folder);
    }
    return path.substring(base.length());
  }

  /** The partition columns a file's relative path names: {@code year=2018/part-0.parquet} → year. */
  public static List<String> partitionColumns(String relative) {
    List<String> out = new ArrayList<>();
    String[] parts = relative.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      int eq = parts[i].indexOf('=');
      if (eq > 0) {
        out.add(parts[i].substring(0, eq));
      }
    }
    return out;
  }

  /** The key-value metadata of one Parquet file's footer. */
  public static Map<String, String> metadata(String file, Configuration hadoop) {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), hadoop))) {
      return reader.getFooter().getFileMetaData().getKeyValueMetaData();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the footer of " + file, e);
    }
  }
}
