package org.egovsuite.publish;

import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.egovsuite.warehouse.SyntheticLabel;

/**
 * A published table's history on Iceberg's own mechanisms: rollback of main to an earlier snapshot,
 * tags for releases, and expiry that keeps the last {@value #KEEP_SNAPSHOTS} snapshots of main and
 * every tagged one (Iceberg never expires what a tag or branch holds).
 */
public final class TableHistory {
  public static final int KEEP_SNAPSHOTS = 3;

  private TableHistory() {}

  /** Main before and after a rollback. */
  public record Rolled(String table, long from, long to) {}

  /**
   * Moves main back to {@code to}, or to main's parent snapshot when null (the previous publish).
   */
  public static Rolled rollback(String name, Table table, Long to) {
    Snapshot now = table.currentSnapshot();
    if (now == null) {
      throw new org.egovsuite.config.MissingStageOutputException(
          "table '" + name + "' has nothing on main");
    }
    Long target = to != null ? to : now.parentId();
    List<Long> kept = ancestors(table);
    if (target == null || table.snapshot(target) == null) {
      throw new org.egovsuite.config.MissingStageOutputException(
          "table '"
              + name
              + "' has no "
              + (to == null
                  ? "snapshot before " + now.snapshotId() + " to roll back to"
                  : "snapshot " + to)
              + " (snapshots of main kept: "
              + kept
              + ")");
    }
    if (kept.contains(target)) {
      table.manageSnapshots().rollbackTo(target).commit();
    } else {
      // a tagged snapshot that is not an ancestor of main (e.g. after an earlier rollback)
      table.manageSnapshots().setCurrentSnapshot(target).commit();
    }
    SyntheticLabel.publish(name, table);
    return new Rolled(name, now.snapshotId(), target);
  }

  /** Tags main's current snapshot; a tag that exists is an error (tags name releases). */
  public static long tag(String name, Table table, String tag) {
    Snapshot now = table.currentSnapshot();
    if (now == null) {
      throw new org.egovsuite.config.MissingStageOutputException(
          "table '" + name + "' has nothing on main to tag");
    }
    SnapshotRef existing = table.refs().get(tag);
    if (existing != null) {
      if (existing.snapshotId() == now.snapshotId()) {
        return now.snapshotId();
      }
      throw new org.egovsuite.config.ConfigException(
          "table "
              + name
              + " already has a "
              + (existing.isTag() ? "tag" : "branch")
              + " '"
              + tag
              + "' (snapshot "
              + existing.snapshotId()
              + "); choose another name");
    }
    table.manageSnapshots().createTag(tag, now.snapshotId()).commit();
    return now.snapshotId();
  }

  /**
   * Expires what is neither among the last snapshots of main nor held by a tag or branch; returns
   * how many.
   */
  public static int expire(Table table) {
    int before = count(table);
    if (before <= KEEP_SNAPSHOTS && table.refs().size() == 1) {
      return 0; // nothing to expire: no commit
    }
    table
        .expireSnapshots()
        .expireOlderThan(System.currentTimeMillis())
        .retainLast(KEEP_SNAPSHOTS)
        .commit();
    table.refresh();
    return before - count(table);
  }

  /** Main's snapshot and its ancestors, newest first. */
  public static List<Long> ancestors(Table table) {
    List<Long> out = new ArrayList<>();
    for (Snapshot s = table.currentSnapshot();
        s != null;
        s = s.parentId() == null ? null : table.snapshot(s.parentId())) {
      out.add(s.snapshotId());
    }
    return out;
  }

  private static int count(Table table) {
    int n = 0;
    for (Snapshot ignored : table.snapshots()) {
      n++;
    }
    return n;
  }
}
