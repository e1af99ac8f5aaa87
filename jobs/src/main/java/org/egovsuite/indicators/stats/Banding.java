package org.egovsuite.indicators.stats;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.egovsuite.config.Band;

/**
 * Assigns configured grade bands, listed best first. Where higher is better they run from the
 * highest {@code min} down and a value belongs to the first band whose min it reaches (so cut-offs
 * are inclusive below: the UN's "High [0.50, 0.75)"); where lower is better, from the lowest {@code
 * max} up, and a value belongs to the first band whose max it does not exceed. A value outside
 * every band, or null, gets no band.
 */
public final class Banding {
  private Banding() {}

  public static Column bandOf(String value, List<Band> bands) {
    Column out = lit(null).cast("string");
    for (int i = bands.size() - 1; i >= 0; i--) {
      Band band = bands.get(i);
      Column in = band.atMost() ? col(value).leq(band.bound()) : col(value).geq(band.bound());
      out = when(in, lit(band.name())).otherwise(out);
    }
    return out;
  }

  /** 1 for the highest band, 2 for the next, ...; null when there is no band. */
  public static Column bandOrder(String bandColumn, List<Band> bands) {
    Column out = lit(null).cast("int");
    for (int i = bands.size() - 1; i >= 0; i--) {
      out = when(col(bandColumn).equalTo(bands.get(i).name()), lit(i + 1)).otherwise(out);
    }
    return out;
  }
}
