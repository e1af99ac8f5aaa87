package org.egovsuite.quality.suggest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** A draft as rule-file YAML, with comments saying what to review. */
public final class DraftWriter {
  private DraftWriter() {}

  public static String yaml(RuleSuggester.Draft draft, String generatedFrom) {
    StringBuilder out = new StringBuilder();
    out.append("# yaml-language-server: $schema=./schema.json\n");
    out.append("# DRAFT rule file for ")
        .append(draft.dataset())
        .append(", suggested by Deequ from ")
        .append(generatedFrom)
        .append(".\n");
    out.append(
        "# Every rule is a warning: review the thresholds and values, promote the ones that matter\n");
    out.append("# to severity error, and save as ")
        .append(draft.dataset())
        .append(".yaml to use it.\n");
    for (String column : draft.allNullColumns()) {
      out.append("# column ").append(column).append(" is null in every row: no rule suggested.\n");
    }
    for (String skipped : draft.skipped()) {
      out.append("# not carried over: ").append(skipped.replace('\n', ' ')).append('\n');
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("dataset", draft.dataset());
    root.put("rules", draft.rules());
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setAllowUnicode(true);
    options.setWidth(110);
    out.append(new Yaml(options).dump(root));
    return out.toString();
  }
}
