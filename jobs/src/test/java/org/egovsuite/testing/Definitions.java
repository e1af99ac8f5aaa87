package org.egovsuite.testing;

import java.util.List;
import java.util.Map;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.SourceFormat;

/** Dataset definitions for ingest tests, built in code rather than loaded from YAML. */
public final class Definitions {
  private Definitions() {}

  /**
   * Columns and keys only: default null tokens, no unpivot, constants, standardisation or flags.
   */
  public static DatasetDefinition plain(
      String name,
      String location,
      SourceFormat format,
      List<ColumnSpec> columns,
      List<String> keys) {
    return new DatasetDefinition(
        name,
        "",
        "conf/datasets/" + name + ".yaml",
        location,
        format,
        columns,
        DatasetDefinition.DEFAULT_NULL_VALUES,
        null,
        Map.of(),
        keys,
        Map.of(),
        Map.of());
  }
}
