package org.egovsuite.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PerDatasetTest {
  @Test
  void theLargestDatasetsStartFirstAndResultsKeepTheConfigsOrder() {
    // The config lists the largest (d) fourth and the smallest first. The four threads take the
    // four largest and the two smallest wait for a thread: each of the first four waits until all
    // four have started, so none can take a queued dataset early.
    Map<String, Long> sizes = Map.of("a", 1L, "b", 5L, "c", 2L, "d", 60L, "e", 9L, "f", 7L);
    List<String> config = List.of("a", "b", "c", "d", "e", "f");
    List<String> started = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch firstWave = new CountDownLatch(PerDataset.PARALLELISM);
    List<String> out =
        PerDataset.run(
            config,
            sizes::get,
            d -> {
              started.add(d);
              firstWave.countDown();
              try {
                firstWave.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return d.toUpperCase(java.util.Locale.ROOT);
            });
    assertThat(out).containsExactly("A", "B", "C", "D", "E", "F");
    assertThat(started.subList(0, 4)).containsExactlyInAnyOrder("d", "e", "f", "b");
    assertThat(started.subList(4, 6)).containsExactlyInAnyOrder("c", "a");
  }
}
