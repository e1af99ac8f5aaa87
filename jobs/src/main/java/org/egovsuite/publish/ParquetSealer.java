package org.egovsuite.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Copies the Parquet files Spark wrote into a version folder, adding key-value metadata to each
 * footer (run id, table, version). Spark's writer has no option for custom footer metadata, so
 * the files are re-framed with parquet-mr's own {@code ParquetFileWriter.appendFile}, which
 * copies the compressed row groups byte for byte (no decoding) and writes a new footer: the
 * original metadata (Spark's schema) plus ours.
 */
public final class ParquetSealer {
  public static final String RUN_ID = "egov.run_id";
  public static final String TABLE = "egov.table";
  public static final String VERSION = "egov.table_version";

  private ParquetSealer() {}

  /** What was sealed: rows and the Parquet schema, read from the footers. */
  public record Sealed(long rows, int files, MessageType schema) {}

  public static Sealed seal(String from, String to, Map<String, String> metadata, Configuration hadoop) {
    try {
      Path source = new Path(from);
      FileSystem fs = source.getFileSystem(hadoop);
      List<FileStatus> parts = new ArrayList<>();
      for (FileStatus s : fs.listStatus(source)) {
        if (s.isFile() && s.getPath().getName().endsWith(".parquet")) {
          parts.add(s);
        }
      }
      parts.sort(java.util.Comparator.comparing(s -> s.getPath().getName()));
      long rows = 0;
      MessageType schema = null;
      for (FileStatus part : parts) {
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
            HadoopOutputFile.fromPath(new Path(to, part.getPath().getName()), hadoop), schema,
            ParquetFileWriter.Mode.CREATE, org.apache.parquet.hadoop.ParquetWriter.DEFAULT_BLOCK_SIZE, 0);
        writer.start();
        writer.appendFile(in);
        writer.end(keyValues);
      }
      return new Sealed(rows, parts.size(), schema);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the Parquet files of " + from + " to " + to + ": " + e.getMessage(), e);
    }
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
