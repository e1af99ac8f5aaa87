package org.egovsuite.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;

/**
 * The rows of one snapshot of a table, read with Iceberg's own Parquet reader (no Spark): file by
 * file in path order (per-year tables have a {@code year=…} folder per year, so years in order),
 * each file's rows in the order they were written. Published tables are small (a row per unit and
 * period), so the publish audit and the spreadsheet exports read them on the driver.
 */
public final class SnapshotRows {
  private SnapshotRows() {}

  /**
   * The data files of a snapshot; published tables have no delete files, and this says so if one
   * does.
   */
  public static List<FileScanTask> files(Table table, long snapshotId) {
    return files(table, snapshotId, false);
  }

  /**
   * @param stats with each file's column metrics (value and null counts, bounds)
   */
  public static List<FileScanTask> files(Table table, long snapshotId, boolean stats) {
    List<FileScanTask> tasks = new ArrayList<>();
    org.apache.iceberg.TableScan scan = table.newScan().useSnapshot(snapshotId);
    try (CloseableIterable<FileScanTask> planned =
        (stats ? scan.includeColumnStats() : scan).planFiles()) {
      for (FileScanTask task : planned) {
        if (!task.deletes().isEmpty()) {
          throw new IllegalStateException(
              "table "
                  + table.name()
                  + " has delete files in snapshot "
                  + snapshotId
                  + " ("
                  + task.deletes().get(0).location()
                  + "); egov publishes whole snapshots without deletes");
        }
        tasks.add(task);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    tasks.sort(Comparator.comparing(t -> t.file().location()));
    return tasks;
  }

  /** Every row of the snapshot in the table's column order, as Java values (lists for arrays). */
  public static void read(Table table, long snapshotId, Consumer<Object[]> rows) {
    Schema schema = table.schemas().get(table.snapshot(snapshotId).schemaId());
    if (schema == null) {
      schema = table.schema();
    }
    Schema projected = schema;
    int width = projected.columns().size();
    for (FileScanTask task : files(table, snapshotId)) {
      try (CloseableIterable<Record> records =
          Parquet.read(table.io().newInputFile(task.file().location()))
              .project(projected)
              .createReaderFunc(
                  fileSchema -> GenericParquetReaders.buildReader(projected, fileSchema))
              .build()) {
        for (Record record : records) {
          Object[] values = new Object[width];
          for (int i = 0; i < width; i++) {
            values[i] = record.get(i);
          }
          rows.accept(values);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read " + task.file().location() + ": " + e.getMessage(), e);
      }
    }
  }

  public static List<String> columns(Table table, long snapshotId) {
    Schema schema =
        table.schemas().getOrDefault(table.snapshot(snapshotId).schemaId(), table.schema());
    return schema.columns().stream().map(Types.NestedField::name).toList();
  }
}
