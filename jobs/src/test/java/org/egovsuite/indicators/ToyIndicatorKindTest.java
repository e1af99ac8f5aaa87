package org.egovsuite.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.egovsuite.config.IndicatorDefinition;
import org.egovsuite.config.Title;
import org.egovsuite.indicators.dictionary.ColumnMeaning;
import org.egovsuite.indicators.kinds.IndicatorKind;
import org.egovsuite.indicators.kinds.IndicatorKinds;
import org.egovsuite.quality.QualityOutcome;
import org.egovsuite.stage.IngestReport;
import org.egovsuite.stage.QualityReport;
import org.junit.jupiter.api.Test;

/**
 * A kind added from outside (here a test's) is wired in by registering it: its inputs become edges
 * of the run's graph and its quality gate; a definition nobody registered is refused, not run with
 * no inputs and so no gate.
 */
class ToyIndicatorKindTest {
  /** The columns and file every toy definition shares. */
  interface Toy extends IndicatorDefinition {
    @Override
    default Title title() {
      return new Title("toy", "玩具");
    }

    @Override
    default String unit() {
      return "unit";
    }

    @Override
    default String unitName() {
      return "unit_name";
    }

    @Override
    default String period() {
      return "year";
    }

    @Override
    default String file() {
      return "conf/indicators/" + name() + ".yaml";
    }
  }

  /** A toy definition: one unit table from one input. */
  record ToyDefinition(String name, String input) implements Toy {}

  /** A definition whose type nobody registered. */
  record Unregistered(String name) implements Toy {}

  static final class ToyKind implements IndicatorKind<ToyDefinition> {
    @Override
    public Class<ToyDefinition> definitionType() {
      return ToyDefinition.class;
    }

    @Override
    public Set<String> inputs(ToyDefinition d) {
      return Set.of(d.input());
    }

    @Override
    public Dataset<Row> units(
        ToyDefinition d,
        Function<String, Dataset<Row>> sources,
        Function<String, Dataset<Row>> lookups) {
      return sources.apply(d.input());
    }

    @Override
    public void addColumns(ToyDefinition d, Map<String, ColumnMeaning> out) {
      out.put("toy_value", ColumnMeaning.of("", "toy", "玩具"));
    }
  }

  static {
    IndicatorKinds.register(new ToyKind());
  }

  private static QualityReport quality(QualityOutcome.Verdict verdict) {
    return new QualityReport(
        "q1",
        "2026-12-02",
        "i1",
        List.of(
            new QualityReport.DatasetQuality(
                "toy_data",
                "quality-rules/toy_data.yaml",
                verdict,
                1,
                10,
                10,
                0,
                null,
                List.of(),
                List.of(),
                Map.of())),
        null);
  }

  private static final IngestReport INGEST = new IngestReport("i1", List.of());

  @Test
  void aRegisteredKindIsWithheldWhenTheDatasetItReadsFailsItsGate() {
    ToyDefinition toy = new ToyDefinition("toy_index", "toy_data");
    assertThat(
            IndicatorStage.failedInput(
                quality(QualityOutcome.Verdict.FAILED), INGEST, toy, Set.of()))
        .hasValue("dataset 'toy_data' failed its quality gate in run q1");
    assertThat(
            IndicatorStage.failedInput(
                quality(QualityOutcome.Verdict.WARNED), INGEST, toy, Set.of()))
        .isEmpty();
  }

  @Test
  void aRegisteredKindReadingAnotherIndicatorWaitsForItAndIsWithheldWithIt() {
    ToyDefinition base = new ToyDefinition("toy_base", "toy_data");
    ToyDefinition derived = new ToyDefinition("toy_derived", "toy_base");
    assertThat(IndicatorStage.dependencies(List.of(base, derived)))
        .containsEntry("toy_base", List.of())
        .containsEntry("toy_derived", List.of("toy_base"));
    assertThat(
            IndicatorStage.failedInput(
                quality(QualityOutcome.Verdict.PASSED), INGEST, derived, Set.of("toy_base")))
        .hasValue("it reads indicator toy_base, which was withheld");
  }

  @Test
  void theKindDescribesItsColumnsAfterTheSharedOnes() {
    assertThat(IndicatorKinds.columns(new ToyDefinition("toy_index", "toy_data")))
        .containsKeys("unit", "unit_name", "year", "toy_value");
  }

  @Test
  void aDefinitionOfAnUnregisteredKindIsRefusedNamingItsFile() {
    assertThatThrownBy(() -> IndicatorKinds.inputs(new Unregistered("mystery")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("conf/indicators/mystery.yaml: indicator 'mystery'")
        .hasMessageContaining("no indicator kind is registered");
  }
}
