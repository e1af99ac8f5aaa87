package org.egovsuite.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to read one dataset, from {@code conf/datasets/<name>.yaml}. Validated by {@link
 * DatasetDefinitionLoader}; {@code conf/datasets/README.md} documents every key.
 *
 * @param location a path or glob; relative paths are taken from the project home; any Hadoop URI
 * @param nullValues cell texts that mean "no value" (compared after trimming)
 * @param unpivot wide-to-long reshaping, or null
 * @param constants columns with one value per file
 * @param standardize per column, the standardisation steps; the raw value is kept
 * @param flags flag name to SQL condition; rows where it holds carry the flag in {@code row_flags}
 * @param unresolved per resolving column, what a value that matches no known name does (default
 *     warn)
 * @param parts parts with their own location and header texts (empty: {@code location} alone);
 *     {@code location} is then the first part's
 * @param synthetic why the data is not real (generated, a fixture), or null for published data:
 *     every table computed from it says so wherever it is shown
 */
public record DatasetDefinition(
    String name,
    String description,
    String file,
    String location,
    SourceFormat format,
    List<ColumnSpec> columns,
    List<String> nullValues,
    Unpivot unpivot,
    Map<String, ConstantSpec> constants,
    List<String> keys,
    Map<String, List<String>> standardize,
    Map<String, String> flags,
    Map<String, UnresolvedPolicy> unresolved,
    List<DatasetPart> parts,
    String synthetic)
    implements Serializable {

  public DatasetDefinition(
      String name,
      String description,
      String file,
      String location,
      SourceFormat format,
      List<ColumnSpec> columns,
      List<String> nullValues,
      Unpivot unpivot,
      Map<String, ConstantSpec> constants,
      List<String> keys,
      Map<String, List<String>> standardize,
      Map<String, String> flags,
      Map<String, UnresolvedPolicy> unresolved,
      List<DatasetPart> parts) {
    this(
        name,
        description,
        file,
        location,
        format,
        columns,
        nullValues,
        unpivot,
        constants,
        keys,
        standardize,
        flags,
        unresolved,
        parts,
        null);
  }

  public boolean isSynthetic() {
    return synthetic != null;
  }

  public DatasetDefinition(
      String name,
      String description,
      String file,
      String location,
      SourceFormat format,
      List<ColumnSpec> columns,
      List<String> nullValues,
      Unpivot unpivot,
      Map<String, ConstantSpec> constants,
      List<String> keys,
      Map<String, List<String>> standardize,
      Map<String, String> flags,
      Map<String, UnresolvedPolicy> unresolved) {
    this(
        name,
        description,
        file,
        location,
        format,
        columns,
        nullValues,
        unpivot,
        constants,
        keys,
        standardize,
        flags,
        unresolved,
        List.of());
  }

  /**
   * The definition of each part, to be read on its own: the part's location and header texts. A
   * dataset without {@code parts} is its own one part.
   */
  public List<DatasetDefinition> partDefinitions() {
    if (parts.isEmpty()) {
      return List.of(this);
    }
    List<DatasetDefinition> out = new ArrayList<>();
    for (DatasetPart part : parts) {
      List<ColumnSpec> mapped =
          columns.stream()
              .map(
                  c ->
                      part.sources().containsKey(c.name())
                          ? new ColumnSpec(
                              part.sources().get(c.name()),
                              c.name(),
                              c.type(),
                              c.formats(),
                              c.units(),
                              c.allowNonFinite())
                          : c)
              .toList();
      out.add(
          new DatasetDefinition(
              name,
              description,
              file,
              part.location(),
              format,
              mapped,
              nullValues,
              unpivot,
              constants,
              keys,
              standardize,
              flags,
              unresolved,
              List.of(),
              synthetic));
    }
    return out;
  }

  /** A definition whose unresolved names only warn. */
  public DatasetDefinition(
      String name,
      String description,
      String file,
      String location,
      SourceFormat format,
      List<ColumnSpec> columns,
      List<String> nullValues,
      Unpivot unpivot,
      Map<String, ConstantSpec> constants,
      List<String> keys,
      Map<String, List<String>> standardize,
      Map<String, String> flags) {
    this(
        name,
        description,
        file,
        location,
        format,
        columns,
        nullValues,
        unpivot,
        constants,
        keys,
        standardize,
        flags,
        Map.of(),
        List.of());
  }

  /** What an unresolved value of this resolving column does. */
  public UnresolvedPolicy unresolvedPolicy(String column) {
    return unresolved.getOrDefault(column, UnresolvedPolicy.WARN);
  }

  public static final List<String> DEFAULT_NULL_VALUES = List.of("", "NA", "N/A", "-", "—", "--");

  public String encoding() {
    return format.encoding();
  }

  /**
   * Columns a source file must have, in definition order (unpivoted columns are found by pattern).
   */
  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }

  /** Every column ingest produces before standardisation, in output order. */
  public List<ColumnSpec> outputColumns() {
    List<ColumnSpec> out = new ArrayList<>(columns);
    if (unpivot != null) {
      out.add(unpivot.key());
      out.add(unpivot.value());
    }
    constants.forEach((c, spec) -> out.add(new ColumnSpec(c, c, spec.type())));
    return out;
  }

  public List<String> outputColumnNames() {
    List<String> names = new ArrayList<>();
    for (ColumnSpec c : outputColumns()) {
      names.add(c.name());
      if (c.recordsUnit()) {
        names.add(c.name() + "_unit");
      }
    }
    return names;
  }
}
