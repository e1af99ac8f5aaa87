package org.egovsuite.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The default pipeline ({@code conf/pipeline.yaml}): datasets, rule files and indicator jobs (the
 * UN EGDI job and the indicators defined in {@code conf/indicators/}, in run order), and optionally
 * the job's own warehouse and Spark settings (between the profile's and the command line's in
 * precedence).
 */
public record PipelineConfig(
    Path home,
    String file,
    List<DatasetDefinition> datasets,
    Path rulesDir,
    ReferencePaths reference,
    EgdiIndicatorConfig egdi,
    List<IndicatorDefinition> indicators,
    String warehouse,
    java.util.Map<String, String> spark,
    ExportSettings exports) {

  public Optional<DatasetDefinition> dataset(String name) {
    return datasets.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  public DatasetDefinition requireDataset(String name) {
    return dataset(name)
        .orElseThrow(
            () ->
                new ConfigException(
                    "unknown dataset '"
                        + name
                        + "'; known: "
                        + String.join(
                            ", ", datasets.stream().map(DatasetDefinition::name).toList())));
  }

  /** The rule file of a dataset: {@code <rules_dir>/<dataset>.yaml}. */
  public Path rulesFile(String dataset) {
    return rulesDir.resolve(dataset + ".yaml");
  }
}
