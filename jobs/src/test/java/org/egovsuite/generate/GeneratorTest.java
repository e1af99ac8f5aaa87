package org.egovsuite.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator is deterministic (same seed → the same bytes, whatever the file size), the bundled
 * sample is exactly its seed-2015 output, and the faults it reports are in the files, counted here
 * by reading the files with plain Java.
 */
@ExtendWith(SparkTest.class)
class GeneratorTest {
  private static final Path BUNDLED = Projects.home().resolve("data/generated");
  private static final Charset GBK = Charset.forName("GBK");
  private final SparkSession spark;

  GeneratorTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void theBundledSampleIsExactlyWhatSeed2015Writes(@TempDir Path out) throws IOException {
    generate(config(), 2015, 1, List.of(), out);
    List<Path> bundled = files(BUNDLED);
    assertThat(files(out)).isEqualTo(bundled);
    for (Path file : bundled) {
      assertThat(Files.mismatch(BUNDLED.resolve(file), out.resolve(file)))
          .as(file.toString())
          .isEqualTo(-1L);
    }
  }

  @Test
  void recordsDoNotDependOnHowTheyAreSplitIntoFiles(@TempDir Path dir) throws IOException {
    GeneratorConfig config = config();
    GeneratorConfig small =
        new GeneratorConfig(
            config.years(),
            config.rowsPerScale(),
            1_000,
            config.fixedWithin30Days(),
            config.neverFixed(),
            config.rates(),
            config.overrides());
    GenerationReport one = generate(config, 7, 0.2, List.of("hotline_12345"), dir.resolve("one"));
    GenerationReport four = generate(small, 7, 0.2, List.of("hotline_12345"), dir.resolve("four"));

    assertThat(one.dataset("hotline_12345").files()).isEqualTo(1);
    assertThat(four.dataset("hotline_12345").files()).isEqualTo(4);
    assertThat(records(dir.resolve("four/hotline_12345")))
        .isEqualTo(records(dir.resolve("one/hotline_12345")));
    assertThat(four.dataset("hotline_12345").counts())
        .isEqualTo(one.dataset("hotline_12345").counts());
  }

  @Test
  void anotherSeedWritesOtherRecords(@TempDir Path dir) throws IOException {
    generate(config(), 2016, 1, List.of("hotline_12345"), dir);
    List<String> other = records(dir.resolve("hotline_12345"));
    List<String> bundled = records(BUNDLED.resolve("hotline_12345"));
    assertThat(other.get(0)).isNotEqualTo(bundled.get(0));
    assertThat(other).isNotEqualTo(bundled);
  }

  /**
   * Each kind of fault the manifest reports, found in the bundled tickets: malformed lines have 8
   * fields instead of 7, out-of-range satisfaction is 9, a null leaves the category blank, a
   * duplicate repeats its line.
   */
  @Test
  void theFaultsTheManifestReportsAreInTheFiles() throws IOException {
    Map<String, Long> counts = manifest().dataset("hotline_12345").counts();
    List<String> lines = records(BUNDLED.resolve("hotline_12345"));
    long malformed = lines.stream().filter(l -> l.split(",", -1).length == 8).count();
    List<String[]> wellFormed =
        lines.stream().map(l -> l.split(",", -1)).filter(f -> f.length == 7).toList();
    long outOfRange = wellFormed.stream().filter(f -> f[6].equals("9")).count();
    long blankCategory = wellFormed.stream().filter(f -> f[5].isEmpty()).count();
    long repeated = lines.size() - new HashSet<>(lines).size();

    assertThat(malformed + wellFormed.size()).isEqualTo(lines.size());
    assertThat(lines).hasSize(counts.get("lines").intValue());
    assertThat(malformed).isEqualTo(counts.get("malformed")).isPositive();
    assertThat(outOfRange).isEqualTo(counts.get("out_of_range")).isPositive();
    assertThat(blankCategory).isEqualTo(counts.get("null")).isPositive();
    assertThat(repeated).isEqualTo(counts.get("duplicate")).isPositive();
    assertThat(counts.get("records") + counts.get("duplicate")).isEqualTo(counts.get("lines"));
  }

  /**
   * The report's 52.7%: with 3,000 notices the share fixed within 30 days has a standard error of
   * √(0.527 × 0.473 / 3000) ≈ 0.009; the seed-2015 sample lies within 0.03 of the setting.
   */
  @Test
  void noticesAreFixedWithinThirtyDaysAtTheConfiguredRate() throws IOException {
    List<String[]> notices =
        records(BUNDLED.resolve("vulnerability_notices")).stream()
            .map(l -> l.split(",", -1))
            .filter(f -> f.length == 7)
            .toList();
    long within =
        notices.stream()
            .filter(
                f ->
                    !f[6].isEmpty()
                        && java.time.temporal.ChronoUnit.DAYS.between(
                                java.time.LocalDate.parse(f[5]), java.time.LocalDate.parse(f[6]))
                            >= 0
                        && java.time.temporal.ChronoUnit.DAYS.between(
                                java.time.LocalDate.parse(f[5]), java.time.LocalDate.parse(f[6]))
                            <= 30)
            .count();
    assertThat((double) within / notices.size())
        .isCloseTo(config().fixedWithin30Days(), within(0.03));
  }

  @Test
  void thePortalChecklistCoversEveryCityEachYear() throws IOException {
    List<String> lines = records(BUNDLED.resolve("city_portal_checklist"));
    assertThat(lines).hasSize(337 * 2);
  }

  private GenerationReport generate(
      GeneratorConfig config, long seed, double scale, List<String> only, Path out) {
    return Generator.run(
        spark,
        Projects.home(),
        config,
        new Generator.Request(seed, scale, Map.of(), only, out.toString()));
  }

  private static GeneratorConfig config() {
    return GeneratorConfig.load(Projects.home().resolve("conf/generator.yaml"));
  }

  private static GenerationReport manifest() throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readValue(BUNDLED.resolve(Generator.MANIFEST).toFile(), GenerationReport.class);
  }

  /** The data lines of every file of a folder in file order, headers dropped, decoded. */
  private static List<String> records(Path folder) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path file : files(folder)) {
      Charset charset =
          folder.getFileName().toString().equals("hotline_12345") ? GBK : StandardCharsets.UTF_8;
      List<String> lines = Files.readAllLines(folder.resolve(file), charset);
      out.addAll(lines.subList(1, lines.size()));
    }
    return out;
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
