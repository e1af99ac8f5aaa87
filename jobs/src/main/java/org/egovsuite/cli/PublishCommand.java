package org.egovsuite.cli;

import java.util.ArrayList;
import java.util.List;
import org.egovsuite.pipeline.Pipeline;
import org.egovsuite.publish.TableHistory;
import org.egovsuite.warehouse.TableCatalog;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Audit the run's branches, publish them to main; rollback, tags.",
      "Publish the tables the last 'indicators' run wrote to its Iceberg branches: each branch is "
          + "audited (columns, rows read back, key columns, input verdicts, "
          + "quality-rules/tables/<table>.yaml), then main of every table is fast-forwarded to it; a "
          + "table that fails its audit keeps main where it was and the run exits 4. Writes the run "
          + "manifest, the spreadsheet exports and the brief; keeps the last 3 snapshots of each table "
          + "and every tagged one. Exits 4, as run does, when the run's quality gate withheld tables.",
      // at most 78 characters each: the help is wrapped at 80
      "  bin/egov publish --rollback city_egov_index     (main back one snapshot)",
      "  bin/egov publish --rollback city_egov_index --to ID     (to snapshot ID)",
      "  bin/egov publish --tag report-2016   (tag main of every table, kept)"
    })
final class PublishCommand extends StageCommand {
  @ArgGroup(exclusive = true)
  History history;

  static final class History {
    @Option(
        names = "--rollback",
        paramLabel = "TABLE",
        description = "Move TABLE's main back to an earlier snapshot.")
    String rollback;

    @Option(
        names = "--tag",
        paramLabel = "NAME",
        description = "Tag main's snapshot of every published table.")
    String tag;
  }

  @Option(
      names = "--to",
      paramLabel = "SNAPSHOT",
      description =
          "With --rollback: the snapshot id to return to " + "(default: the one before main's).")
  Long to;

  /** A tag set on one table's snapshot. */
  record Tagged(String table, String tag, long snapshotId) {}

  PublishCommand(CommandRunner runner) {
    super(runner);
  }

  @Override
  String name() {
    if (history == null) {
      return "publish";
    }
    return history.rollback != null ? "publish --rollback" : "publish --tag";
  }

  @Override
  boolean needsSpark() {
    return history == null;
  }

  @Override
  CommandRunner.Body body() {
    if (history != null && history.rollback != null) {
      return (ctx, report) -> {
        TableCatalog catalog = ctx.warehouse().catalog();
        TableHistory.Rolled rolled =
            TableHistory.rollback(history.rollback, catalog.load(history.rollback), to);
        ctx.listener()
            .text(
                String.format("%n%s: main %d → %d%n", rolled.table(), rolled.from(), rolled.to()));
        report.result(rolled);
      };
    }
    if (history != null) {
      return (ctx, report) -> {
        TableCatalog catalog = ctx.warehouse().catalog();
        List<Tagged> tagged = new ArrayList<>();
        for (String table : catalog.tables()) {
          tagged.add(
              new Tagged(
                  table, history.tag, TableHistory.tag(table, catalog.load(table), history.tag)));
        }
        ctx.listener().text(String.format("%n%d table(s) tagged %s%n", tagged.size(), history.tag));
        report.result(tagged);
      };
    }
    if (to != null) {
      return (ctx, report) -> {
        throw new org.egovsuite.config.ConfigException("--to goes with --rollback TABLE");
      };
    }
    return Pipeline::publish;
  }
}
