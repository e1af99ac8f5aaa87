package org.egovsuite.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RepeatMemoTest {
  private final AtomicInteger calls = new AtomicInteger();
  private final Function<String, String> upper =
      s -> {
        calls.incrementAndGet();
        return s.toUpperCase(java.util.Locale.ROOT);
      };

  @Test
  void repeatingTextIsComputedOncePerDistinctValue() {
    RepeatMemo<String> memo = new RepeatMemo<>(100);
    // 30,000 lookups of 10 distinct values: 10 computations, the rest from the memo.
    for (int i = 0; i < 30_000; i++) {
      assertThat(memo.get("city" + (i % 10), upper)).isEqualTo("CITY" + (i % 10));
    }
    assertThat(calls.get()).isEqualTo(10);
    assertThat(memo.memoising()).isTrue();
  }

  @Test
  void textThatSeldomRepeatsStopsBeingMemoisedAfterTheTrial() {
    RepeatMemo<String> memo = new RepeatMemo<>(100);
    // Every value distinct (timestamps to the second): no hit in the trial, so the memo stops.
    for (int i = 0; i < RepeatMemo.TRIAL; i++) {
      memo.get("2024-01-01 00:00:" + i, upper);
    }
    assertThat(memo.memoising()).isFalse();
    // From then on each lookup computes, still with the right value.
    assertThat(memo.get("a", upper)).isEqualTo("A");
    assertThat(memo.get("a", upper)).isEqualTo("A");
    assertThat(calls.get()).isEqualTo(RepeatMemo.TRIAL + 2);
  }

  @Test
  void aQuarterOfHitsInTheTrialKeepsTheMemo() {
    RepeatMemo<String> memo = new RepeatMemo<>(100);
    // Each distinct value looked up twice in a row: half the lookups hit.
    for (int i = 0; i < RepeatMemo.TRIAL; i++) {
      memo.get("v" + (i / 2), upper);
    }
    assertThat(memo.memoising()).isTrue();
    assertThat(calls.get()).isEqualTo(RepeatMemo.TRIAL / 2);
  }
}
