package org.egovsuite.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.iceberg.types.Types;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The "write" of write–audit–publish: a run writes each table to a branch of its own, named after
 * the run ({@link #branch}), through Iceberg's Spark writer. Readers of {@code main} see nothing of
 * it until the publish stage has audited the branch and fast-forwarded {@code main} to it. The
 * table is created on first write (format v2, partitioned by its year column where it has one) and
 * its schema follows the run's columns.
 */
public final class BranchWriter {
  /** A branch nobody published is dropped by the snapshot expiry after this long. */
  static final long UNPUBLISHED_BRANCH_AGE_MS = 7L * 24 * 3600 * 1000;

  private BranchWriter() {}

  /** What a run wrote to its branch of one table. */
  public record Written(long snapshotId, long rows, List<String> columns, String location) {}

  /**
   * The branch a run writes its tables to (Iceberg branch names: letters, digits, underscores
   * here).
   */
  public static String branch(String runId) {
    return "run_" + runId.replaceAll("[^A-Za-z0-9]", "_");
  }

  /**
   * Writes {@code data} as the whole content of {@code branch} of a table.
   *
   * @param period the integer year column the table is partitioned by, or null
   * @param snapshotSummary the lineage entries the snapshot carries ({@link SnapshotLineage})
   */
  public static Written write(
      SparkSession spark,
      TableCatalog catalog,
      String name,
      Dataset<Row> data,
      String period,
      String branch,
      String title,
      Map<String, String> snapshotSummary) {
    catalog.ensureNamespace();
    Schema wanted = SparkSchemaUtil.convert(data.schema());
    Table table =
        catalog.exists(name)
            ? evolve(catalog.load(name), wanted, name)
            : create(catalog, name, wanted, period, title);
    if (table.refs().containsKey(branch)) {
      table.manageSnapshots().removeBranch(branch).commit();
    }
    // From main's head (or an empty snapshot for a new table), so main can be fast-forwarded to it.
    table
        .manageSnapshots()
        .createBranch(branch)
        .setMaxRefAgeMs(branch, UNPUBLISHED_BRANCH_AGE_MS)
        .commit();
    var writer = data.writeTo(TableCatalog.sparkName(name, branch));
    for (Map.Entry<String, String> e : snapshotSummary.entrySet()) {
      writer = writer.option("snapshot-property." + e.getKey(), e.getValue());
    }
    try {
      writer.overwrite(functions.lit(true));
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException(
          "branch " + branch + " of table " + name + " vanished while it was written", e);
    }
    Table written = catalog.load(name);
    Snapshot head = written.snapshot(branch);
    return new Written(
        head.snapshotId(),
        Long.parseLong(head.summary().getOrDefault("total-records", "0")),
        written.schema().columns().stream().map(Types.NestedField::name).toList(),
        written.location());
  }

  /** The rows of a run's branch of a table, for the stages that read what they wrote. */
  public static Dataset<Row> read(SparkSession spark, String name, String branch) {
    return spark.read().table(TableCatalog.sparkName(name, branch));
  }

  private static Table create(
      TableCatalog catalog, String name, Schema schema, String period, String title) {
    PartitionSpec spec =
        period == null
                || schema.findField(period) == null
                || !schema.findField(period).type().equals(Types.IntegerType.get())
            ? PartitionSpec.unpartitioned()
            : PartitionSpec.builderFor(schema).identity(period).build();
    Map<String, String> properties = new java.util.LinkedHashMap<>();
    properties.put(TableProperties.FORMAT_VERSION, "2");
    properties.put(TableCatalog.OWNER, "egov");
    properties.put(
        "comment", (title == null ? name : title) + " (lineage: bin/egov lineage " + name + ")");
    properties.put(TableProperties.PARQUET_COMPRESSION, "zstd");
    // Rows arrive sorted by year, one task per table: no shuffle needed to cluster them.
    properties.put(TableProperties.WRITE_DISTRIBUTION_MODE, "none");
    properties.put(TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true");
    properties.put(TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "20");
    try {
      return catalog.iceberg().createTable(TableCatalog.id(name), schema, spec, properties);
    } catch (org.apache.iceberg.exceptions.AlreadyExistsException e) {
      return evolve(catalog.load(name), schema, name);
    }
  }

  /**
   * Brings the table's columns to the run's: new columns added, dropped ones removed, the run's
   * order. Schema changes are table metadata, seen by main's readers before the publish (new
   * columns as nulls); a type that cannot be widened stops the run with the column named.
   */
  private static Table evolve(Table table, Schema wanted, String name) {
    List<String> now =
        table.schema().columns().stream().map(f -> f.name() + ":" + f.type()).toList();
    List<String> want = wanted.columns().stream().map(f -> f.name() + ":" + f.type()).toList();
    if (now.equals(want)) {
      return table;
    }
    try {
      UpdateSchema update = table.updateSchema().unionByNameWith(wanted);
      List<String> names =
          new ArrayList<>(wanted.columns().stream().map(Types.NestedField::name).toList());
      table.schema().columns().stream()
          .map(Types.NestedField::name)
          .filter(n -> !names.contains(n))
          .forEach(update::deleteColumn);
      update.moveFirst(names.get(0));
      for (int i = 1; i < names.size(); i++) {
        update.moveAfter(names.get(i), names.get(i - 1));
      }
      update.commit();
    } catch (IllegalArgumentException | org.apache.iceberg.exceptions.ValidationException e) {
      throw new IllegalStateException(
          "table "
              + name
              + ": its columns changed in a way Iceberg cannot follow ("
              + e.getMessage()
              + "); columns now "
              + now
              + ", the run writes "
              + want,
          e);
    }
    table.refresh();
    return table;
  }
}
