package org.egovsuite.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.SparkContext;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;

/** Work in a job group of its own gives the caller's group back, also when it fails. */
class JobGroupsTest {
  @Test
  void theCallersGroupIsRestoredAfterTheWorkAndAfterAFailure() {
    SparkContext sc = SparkTest.session().sparkContext();
    sc.setJobGroup("scheduler-tag", "the caller's", true);
    try {
      String seen =
          JobGroups.in(sc, "inner", "inner work", () -> sc.getLocalProperty("spark.jobGroup.id"));
      assertThat(seen).isEqualTo("inner");
      assertThat(sc.getLocalProperty("spark.jobGroup.id")).isEqualTo("scheduler-tag");
      assertThat(sc.getLocalProperty("spark.job.description")).isEqualTo("the caller's");
      assertThat(sc.getLocalProperty("spark.job.interruptOnCancel")).isEqualTo("true");
      assertThatThrownBy(
              () ->
                  JobGroups.run(
                      sc,
                      "failing",
                      "failing work",
                      () -> {
                        throw new IllegalStateException("boom");
                      }))
          .hasMessage("boom");
      assertThat(sc.getLocalProperty("spark.jobGroup.id")).isEqualTo("scheduler-tag");
    } finally {
      sc.clearJobGroup();
    }
    // no caller group: none left behind either
    JobGroups.run(sc, "alone", "alone", () -> {});
    assertThat(sc.getLocalProperty("spark.jobGroup.id")).isNull();
  }
}
