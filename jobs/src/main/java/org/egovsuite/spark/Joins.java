package org.egovsuite.spark;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.collection.JavaConverters;

/**
 * Equi-joins on same-named columns (each appears once in the result), without Scala at the call
 * site.
 */
public final class Joins {
  private Joins() {}

  public static Dataset<Row> left(Dataset<Row> left, Dataset<Row> right, List<String> columns) {
    return left.join(right, JavaConverters.asScalaBuffer(columns).toSeq(), "left");
  }
}
