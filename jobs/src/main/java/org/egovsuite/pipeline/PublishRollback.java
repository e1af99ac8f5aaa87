package org.egovsuite.pipeline;

import org.egovsuite.publish.TableLineage;
import org.egovsuite.publish.TableVersions;

/**
 * {@code bin/egov publish --rollback TABLE}: points the table's readers back at the version
 * before the current one (one atomic pointer switch), then the catalog and DuckDB views follow.
 * The version rolled back from stays until the next publish of the table replaces it.
 */
public final class PublishRollback {
  private PublishRollback() {}

  /** @param to the lineage of the version readers now get */
  public record Report(String table, String from, String to, TableLineage lineage) {}

  public static Report execute(JobContext ctx, String table) {
    TableVersions versions = ctx.warehouse().versions(table);
    String from = versions.current().orElseThrow(() -> new MissingStageOutputException("table '" + table
        + "' has no published version in " + ctx.warehouse().tables() + "; published tables: "
        + String.join(", ", ctx.warehouse().publishedTables().stream().map(TableVersions::name).toList())));
    String to = versions.previous().orElseThrow(() -> new MissingStageOutputException("table '" + table
        + "' has no version before " + from + " to roll back to (versions kept: "
        + String.join(", ", versions.versions()) + ")"));
    versions.switchTo(to);
    ctx.listener().finished(PublishStage.NAME, table + ": readers switched from " + from + " back to " + to, 0);
    PublishStage.followPointers(ctx);
    return new Report(table, from, to, LineageReader.read(ctx, table, to));
  }
}
