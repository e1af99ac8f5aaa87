package org.egovsuite.ingest;

import java.util.List;
import org.apache.spark.sql.SaveMode;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.UnresolvedPolicy;
import org.egovsuite.spark.JobGroups;
import org.egovsuite.stage.IngestReport;
import org.egovsuite.stage.JobContext;
import org.egovsuite.stage.PerDataset;
import org.egovsuite.stage.StageState;
import org.egovsuite.standardize.ReferenceData;
import org.egovsuite.standardize.Standardizer;

/** Ingest and standardise every dataset of the pipeline into the warehouse. */
public final class IngestStage {
  public static final String NAME = "ingest";

  private IngestStage() {}

  /** Unresolved names listed per standardised column, most frequent first. */
  public static final int UNRESOLVED_LIMIT = 20;

  public static IngestReport execute(JobContext ctx) {
    ReferenceData reference = new ReferenceData(ctx.config().reference());
    NewInputFiles history = new NewInputFiles(ctx.warehouse());
    List<IngestReport.DatasetIngest> out =
        PerDataset.run(
            ctx.config().datasets(),
            d -> InputFiles.bytes(d, ctx.spark().sparkContext().hadoopConfiguration()),
            d -> ingest(ctx, d, reference, history));
    IngestReport report = new IngestReport(ctx.runId(), out);
    StageState.save(ctx.warehouse(), NAME, report);
    return report;
  }

  private static IngestReport.DatasetIngest ingest(
      JobContext ctx, DatasetDefinition dataset, ReferenceData reference, NewInputFiles history) {
    long start = System.currentTimeMillis();
    ctx.listener()
        .started(
            NAME,
            dataset.name()
                + " from "
                + (dataset.parts().isEmpty()
                    ? dataset.location()
                    : dataset.parts().size()
                        + " parts ("
                        + String.join(
                            ", ", dataset.parts().stream().map(p -> p.location()).toList())
                        + ")"));
    String output = ctx.warehouse().ingested(dataset.name());
    String quarantine = ctx.warehouse().quarantine(dataset.name());
    List<Standardizer.Unresolved> unresolved = new java.util.ArrayList<>();
    IngestResult result =
        JobGroups.in(
            ctx.spark().sparkContext(),
            "ingest:" + dataset.name(),
            "ingest " + dataset.name(),
            () -> {
              IngestResult r =
                  new IngestJob(ctx.spark())
                      .dataset(dataset)
                      .runId(ctx.runId())
                      .transform(rows -> Standardizer.apply(rows, dataset, reference))
                      .output(output)
                      .execute();
              r.quarantined().coalesce(1).write().mode(SaveMode.Overwrite).parquet(quarantine);
              unresolved.addAll(
                  Standardizer.unresolved(r.written(), dataset, reference, UNRESOLVED_LIMIT));
              failOnUnresolved(dataset, unresolved);
              return r;
            });
    long rowsOut = result.rowsOut();
    ctx.listener()
        .finished(
            NAME,
            String.format(
                "%s: %,d rows read from %d file(s), %,d accepted, %,d quarantined%s",
                dataset.name(),
                result.rowsRead(),
                result.files().size(),
                result.rowsAccepted(),
                result.rowsQuarantined(),
                rowsOut == result.rowsAccepted()
                    ? ""
                    : String.format(", %,d rows after unpivot", rowsOut)),
            System.currentTimeMillis() - start);
    unresolved.stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                Standardizer.Unresolved::column,
                java.util.LinkedHashMap::new,
                java.util.stream.Collectors.toList()))
        .forEach(
            (column, values) -> {
              Standardizer.Unresolved first = values.get(0);
              ctx.listener()
                  .warning(
                      NAME,
                      String.format(
                          "%s: %s%d unresolved %s value(s)%s, e.g. '%s' (closest: %s); all in the manifest",
                          dataset.name(),
                          values.size() == UNRESOLVED_LIMIT ? "at least " : "",
                          values.size(),
                          column,
                          dataset.unresolvedPolicy(column) == UnresolvedPolicy.QUARANTINE
                              ? ", their rows quarantined"
                              : "",
                          first.value(),
                          String.join(", ", first.candidates())));
            });
    NewInputFiles.Found added = history.of(dataset.name(), result.files());
    if (!added.files().isEmpty()) {
      ctx.listener()
          .warning(
              NAME,
              String.format(
                  "%s: %d file(s) new since run %s, the last that admitted it: %s; "
                      + "if one is a second copy of data already read, narrow 'location' in %s",
                  dataset.name(),
                  added.files().size(),
                  added.sinceRun(),
                  String.join(", ", added.files()),
                  dataset.file()));
    }
    return new IngestReport.DatasetIngest(
        dataset.name(),
        dataset.file(),
        output,
        quarantine,
        result.rowsRead(),
        result.rowsAccepted(),
        result.rowsQuarantined(),
        rowsOut,
        result.files(),
        unresolved,
        added.sinceRun(),
        added.files());
  }

  /**
   * A column whose definition says {@code fail} stops the dataset at its first unresolved value.
   */
  private static void failOnUnresolved(
      DatasetDefinition dataset, List<Standardizer.Unresolved> unresolved) {
    for (Standardizer.Unresolved u : unresolved) {
      if (dataset.unresolvedPolicy(u.column()) == UnresolvedPolicy.FAIL) {
        throw new InputException(
            (u.firstAt() == null ? dataset.name() : u.firstAt())
                + ": "
                + u.column()
                + " '"
                + u.value()
                + "' is not a known name (closest: "
                + String.join(", ", u.candidates())
                + "); "
                + dataset.file()
                + " says unresolved: fail for "
                + u.column());
      }
    }
  }
}
