package org.egovsuite.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * How to read one dataset, from {@code conf/datasets/<name>.yaml}. Validated by
 * {@link DatasetDefinitionLoader}; see {@code conf/datasets/README.md} for every key.
 *
 * @param location a path or glob, relative paths resolved against the project home; any Hadoop
 *     URI is accepted
 * @param standardize per column, the text steps to apply (nfkc, trim); the raw value is kept
 * @param flags flag name to SQL condition; rows where the condition holds carry the flag in
 *     {@code row_flags} and are kept
 */
public record DatasetDefinition(
    String name,
    String description,
    String file,
    String location,
    String encoding,
    char delimiter,
    int skipLines,
    List<ColumnSpec> columns,
    List<String> keys,
    Map<String, List<String>> standardize,
    Map<String, String> flags)
    implements Serializable {

  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }
}
