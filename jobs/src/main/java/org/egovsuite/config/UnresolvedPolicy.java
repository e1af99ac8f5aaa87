package org.egovsuite.config;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a value of a resolving column (country, cn_province, cn_city) that matches no known name
 * does to its row: {@code warn} keeps the row (code null) and warns; {@code quarantine} puts the
 * row in the quarantine with the value and the closest names; {@code fail} stops the dataset's
 * ingest with exit 5 naming the value, file and line.
 */
public enum UnresolvedPolicy {
  WARN,
  QUARANTINE,
  FAIL;

  /** The YAML spelling, lower case. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static UnresolvedPolicy parse(YamlNode node) {
    String text = node.asString();
    return Arrays.stream(values())
        .filter(p -> p.key().equals(text))
        .findFirst()
        .orElseThrow(
            () ->
                node.error(
                    "unknown unresolved policy '" + text + "'; valid: warn, quarantine, fail"));
  }
}
