package org.egovsuite.quality.uniqueness;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.roaringbitmap.RoaringBitmap;

/**
 * Whether a 64-bit key's position (its upper half) is one of a set, as a filter on the rows: the
 * positions go to the tasks once, as a broadcast bitmap. Spark has no expression for membership in
 * a bitmap (an IN list of millions of positions would be compiled into the plan), so this is a
 * function of our own.
 */
final class InPositions implements UDF1<Long, Boolean> {
  private static final long serialVersionUID = 1L;
  private final Broadcast<byte[]> positions;
  private transient RoaringBitmap bitmap;

  private InPositions(Broadcast<byte[]> positions) {
    this.positions = positions;
  }

  /** The filter as a function of a key, and its broadcast, which {@link #close} lets go. */
  record Filter(UserDefinedFunction function, Broadcast<byte[]> positions)
      implements AutoCloseable {
    @Override
    public void close() {
      positions.destroy();
    }
  }

  static Filter of(Dataset<Row> data, RoaringBitmap positions) {
    Broadcast<byte[]> shared =
        JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext())
            .broadcast(PositionBitmaps.write(new RoaringBitmap[] {positions}));
    return new Filter(functions.udf(new InPositions(shared), DataTypes.BooleanType), shared);
  }

  @Override
  public Boolean call(Long key) {
    if (key == null) {
      return false;
    }
    if (bitmap == null) {
      bitmap = PositionBitmaps.read(positions.value(), 1)[0];
    }
    return bitmap.contains((int) (key >>> 32));
  }
}
