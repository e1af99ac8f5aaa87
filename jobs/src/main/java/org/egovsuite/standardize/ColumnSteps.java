package org.egovsuite.standardize;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.egovsuite.ingest.RepeatMemo;

/**
 * All standardisation steps of one column as one function, so Spark crosses into Java once per
 * value: text steps in order, then (optionally) a resolver. Returns the value, the resolved code
 * and how it matched; an unresolved value is kept as folded text with null code and match.
 */
final class ColumnSteps implements Serializable {
  interface Resolver extends Serializable {
    Resolution resolve(String value);
  }

  private final List<String> textSteps;
  private final Resolver resolver;

  /** Results by raw text: a column holds few distinct names in many rows. */
  private transient RepeatMemo<Row> results;

  ColumnSteps(List<String> textSteps, Resolver resolver) {
    this.textSteps = textSteps;
    this.resolver = resolver;
  }

  Row apply(String raw) {
    if (raw == null) {
      return RowFactory.create(null, null, null);
    }
    if (results == null) {
      results = new RepeatMemo<>(8192);
    }
    return results.get(raw, this::compute);
  }

  private Row compute(String raw) {
    String value = raw;
    for (String step : textSteps) {
      value =
          switch (step) {
            case "nfkc" -> TextFolding.nfkc(value);
            case "trim" -> value == null ? null : trimSpaces(value);
            case "text" -> TextFolding.text(value);
            default -> throw new IllegalArgumentException("validated on load: " + step);
          };
    }
    if (resolver == null || value == null) {
      return RowFactory.create(value, null, null);
    }
    Resolution r = resolver.resolve(value);
    return r == null
        ? RowFactory.create(value, null, null)
        : RowFactory.create(r.name(), r.code(), r.method());
  }

  /** Like SQL trim(): spaces only, both ends. */
  private static String trimSpaces(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && value.charAt(start) == ' ') {
      start++;
    }
    while (end > start && value.charAt(end - 1) == ' ') {
      end--;
    }
    return value.substring(start, end);
  }
}
