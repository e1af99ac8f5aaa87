package org.egovsuite.pipeline;

import org.egovsuite.publish.JsonFiles;
import org.egovsuite.publish.TableLineage;
import org.egovsuite.publish.TableVersions;

/** {@code bin/egov lineage TABLE [--version V]}: the lineage record of a table version. */
public final class LineageReader {
  private LineageReader() {}

  /** @param version null: the current version */
  public static TableLineage read(JobContext ctx, String table, String version) {
    TableVersions versions = ctx.warehouse().versions(table);
    String wanted = version != null ? version : versions.current().orElseThrow(() -> new MissingStageOutputException(
        "table '" + table + "' has no published version in " + ctx.warehouse().tables() + "; published tables: "
        + String.join(", ", ctx.warehouse().publishedTables().stream().map(TableVersions::name).toList())));
    String file = versions.path(wanted) + "/" + TableVersions.LINEAGE;
    if (!ctx.warehouse().exists(file)) {
      throw new MissingStageOutputException("table '" + table + "' has no version " + wanted + " (versions kept: "
          + String.join(", ", versions.versions()) + ")");
    }
    return JsonFiles.read(ctx.warehouse(), file, TableLineage.class);
  }
}
