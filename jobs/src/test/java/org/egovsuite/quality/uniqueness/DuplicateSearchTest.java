package org.egovsuite.quality.uniqueness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The head search on two partitions of three rows: 0..2 and 3..5 (spark.range's split). The value
 * reported is the first one met twice reading the heads in partition order, as a reader of the rows
 * would find it.
 */
@ExtendWith(SparkTest.class)
class DuplicateSearchTest {
  @Test
  void theFirstRepeatInPartitionOrderIsReported(SparkSession spark) {
    var data =
        spark
            .range(0, 6, 1, 2)
            .selectExpr(
                // a b c | d b d: b (row 5) repeats before the second partition's own repeat d.
                "ELEMENT_AT(ARRAY('a', 'b', 'c', 'd', 'b', 'd'), CAST(id + 1 AS INT)) AS late",
                // x y x | z z w: the first partition's own repeat, x, comes first.
                "ELEMENT_AT(ARRAY('x', 'y', 'x', 'z', 'z', 'w'), CAST(id + 1 AS INT)) AS early",
                "id AS unique_id",
                "IF(id = 4, NULL, 7) AS seven");

    DuplicateSearch.Heads heads =
        DuplicateSearch.find(data, List.of("late", "early", "unique_id", "seven"), 1_000);

    assertThat(heads.duplicates().get("late").value()).isEqualTo("b");
    assertThat(heads.duplicates().get("early").value()).isEqualTo("x");
    assertThat(heads.duplicates().get("seven").value()).isEqualTo("7");
    assertThat(heads.duplicates()).doesNotContainKey("unique_id");
    assertThat(heads.everyRow()).as("both partitions ended before 500 rows").isTrue();
  }

  @Test
  void headsShorterThanTheirPartitionsDoNotHoldEveryRow(SparkSession spark) {
    // Each partition holds 5,000 rows; a head takes 5,000 / 2 partitions = 2,500 of them.
    var data = spark.range(0, 10_000, 1, 2).selectExpr("id % 2 AS parity", "id % 3 AS third");

    DuplicateSearch.Heads heads = DuplicateSearch.find(data, List.of("parity", "third"), 5_000);

    assertThat(heads.duplicates().get("parity").value()).isEqualTo("0");
    assertThat(heads.duplicates().get("third").value()).isEqualTo("0");
    assertThat(heads.everyRow()).isFalse();
  }
}
