package org.egovsuite.quality;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.egovsuite.config.ConfigException;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.config.PipelineConfigLoader;
import org.egovsuite.config.YamlFiles;
import org.egovsuite.config.YamlNode;
import org.egovsuite.standardize.Standardizer;

/**
 * Loads the rule file of every dataset of a pipeline against the columns its standardised table
 * will have, so a mistake in any rule file stops the run before Spark starts, with every problem of
 * every file listed.
 */
public final class RuleFiles {
  private RuleFiles() {}

  /**
   * Parses the YAML of every dataset's rule file before anything else of the pipeline loads
   * (dataset definitions, indicators and their SQL), so a syntax error answers in about a second;
   * {@link #loadAll} then checks what the rules say.
   */
  public static void parseFirst(Path pipelineFile, Path home) {
    PipelineConfig settings = PipelineConfigLoader.settingsOnly(pipelineFile, home);
    List<String> problems = new ArrayList<>();
    for (YamlNode item :
        YamlFiles.read(pipelineFile).get("datasets").map(YamlNode::items).orElse(List.of())) {
      Path rules = settings.rulesFile(item.asString());
      if (item.isScalar()
          && rules.normalize().startsWith(settings.rulesDir())
          && Files.isRegularFile(rules)) {
        try {
          YamlFiles.read(rules);
        } catch (ConfigException e) {
          problems.add(e.getMessage());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(String.join("\n", problems));
    }
  }

  public static Map<String, RuleFile> loadAll(PipelineConfig config) {
    Map<String, RuleFile> out = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    Map<String, Set<String>> columns = columnsOf(config);
    for (DatasetDefinition dataset : config.datasets()) {
      problems.addAll(FlagConditions.problems(dataset, columns.get(dataset.name())));
      if (!config.rulesFile(dataset.name()).toFile().isFile()) {
        problems.add(
            config.rulesFile(dataset.name())
                + ": missing; every dataset of the pipeline needs a rule file");
        continue;
      }
      try {
        out.put(
            dataset.name(),
            RuleFileLoader.load(
                config.rulesFile(dataset.name()),
                dataset.name(),
                columns.get(dataset.name()),
                columns));
      } catch (ConfigException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(String.join("\n", problems));
    }
    return out;
  }

  /** The columns of every dataset's standardised table, by dataset name. */
  public static Map<String, Set<String>> columnsOf(PipelineConfig config) {
    Map<String, Set<String>> columns = new LinkedHashMap<>();
    for (DatasetDefinition dataset : config.datasets()) {
      columns.put(dataset.name(), Set.copyOf(Standardizer.outputColumns(dataset)));
    }
    return columns;
  }
}
