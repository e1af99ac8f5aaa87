package org.egovsuite.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.ConfigException;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.ingest.IngestJob;
import org.egovsuite.ingest.StandardizedData;
import org.egovsuite.stage.JobContext;
import org.egovsuite.standardize.ReferenceData;
import org.egovsuite.standardize.Standardizer;

/**
 * Standardised data for the steward's commands, which must not change the warehouse: the
 * warehouse's ingested data when there is some, otherwise the dataset ingested into a scratch
 * folder deleted on close.
 */
public final class StewardData implements Function<String, Dataset<Row>>, AutoCloseable {
  private final JobContext ctx;
  private final Map<String, Dataset<Row>> loaded = new HashMap<>();
  private Path scratch;

  StewardData(JobContext ctx) {
    this.ctx = ctx;
  }

  public static DatasetDefinition definition(JobContext ctx, String name) {
    return definition(ctx.config(), name);
  }

  public static DatasetDefinition definition(PipelineConfig config, String name) {
    return config
        .dataset(name)
        .orElseThrow(
            () ->
                new ConfigException(
                    "unknown dataset '"
                        + name
                        + "'; datasets of the pipeline: "
                        + String.join(
                            ", ",
                            config.datasets().stream().map(DatasetDefinition::name).toList())));
  }

  public static String describe(JobContext ctx, DatasetDefinition dataset) {
    String ingested = ctx.warehouse().ingested(dataset.name());
    return ctx.warehouse().exists(ingested)
        ? ingested
        : dataset.location()
            + " (ingested for this command: the warehouse has no standardised data)";
  }

  @Override
  public Dataset<Row> apply(String name) {
    return loaded.computeIfAbsent(name, n -> load(definition(ctx, n)));
  }

  private Dataset<Row> load(DatasetDefinition dataset) {
    if (ctx.warehouse().exists(ctx.warehouse().ingested(dataset.name()))) {
      return StandardizedData.read(ctx, dataset.name());
    }
    ReferenceData reference = new ReferenceData(ctx.config().reference());
    return new IngestJob(ctx.spark())
        .dataset(dataset)
        .runId(ctx.runId())
        .transform(rows -> Standardizer.apply(rows, dataset, reference))
        .output(scratch().resolve(dataset.name()).toUri().toString())
        .execute()
        .accepted();
  }

  private Path scratch() {
    if (scratch == null) {
      try {
        scratch = Files.createTempDirectory("egov-steward-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return scratch;
  }

  @Override
  public void close() {
    if (scratch != null) {
      FileUtils.deleteQuietly(scratch.toFile());
    }
  }
}
