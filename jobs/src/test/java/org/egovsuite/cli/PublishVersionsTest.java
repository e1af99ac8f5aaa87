package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.egovsuite.publish.Catalog;
import org.egovsuite.publish.JsonFiles;
import org.egovsuite.publish.ParquetSealer;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Versioned publishing through the CLI on the UN EGDI tables: versions and pointer, lineage,
 * footer metadata, catalog, rollback, and a version refused by validation.
 */
@ExtendWith(SparkTest.class)
class PublishVersionsTest {
  private static final List<String> TABLES = List.of("data_dictionary", "egdi_country", "egdi_summary");
  private final SparkSession spark;

  @TempDir
  Path dir;

  PublishVersionsTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void eachPublishIsANewVersionWithLineageAndTheCatalogFollowsRollbacks() throws Exception {
    Path home = Projects.copyConfig(dir, "un_egdi");
    Path wh = dir.resolve("wh");
    CliRun first = CliRun.in(home, wh, "run");
    assertThat(first.exitCode()).as(first.err()).isZero();
    String firstRun = runId(first);

    for (String table : TABLES) {
      assertThat(Files.readString(wh.resolve("tables").resolve(table).resolve("CURRENT"))).isEqualTo("v000001\n");
    }
    JsonNode lineage = lineage(wh, "egdi_country", "v000001");
    assertThat(lineage.get("runId").asText()).isEqualTo(firstRun);
    assertThat(lineage.get("rows").asLong()).isEqualTo(2123);   // rows of the 11 UN files (PipelineEndToEndTest)
    assertThat(lineage.get("codeVersion").asText()).isNotBlank();
    assertThat(lineage.get("configSha256").asText()).matches("[0-9a-f]{64}");
    JsonNode input = lineage.at("/inputs/0");
    assertThat(input.get("dataset").asText()).isEqualTo("un_egdi");
    assertThat(input.get("verdict").asText()).isEqualTo("WARNED");
    assertThat(input.get("rules").size()).isPositive();
    assertThat(input.get("files")).hasSize(11);
    for (JsonNode file : input.get("files")) {
      Path csv = Path.of(file.get("file").asText().replaceFirst("^file:", ""));
      assertThat(file.get("sha256").asText()).as(csv.toString()).isEqualTo(sha256(csv));
    }
    assertThat(lineage(wh, "data_dictionary", "v000001").get("inputs")).isEmpty();

    // Footer metadata of every file: ours, and Spark's schema kept; zstd row groups.
    Path file = parquetFile(wh.resolve("tables/egdi_country/v000001"));
    Map<String, String> meta = ParquetSealer.metadata(file.toString(), new Configuration());
    assertThat(meta).containsEntry(ParquetSealer.RUN_ID, firstRun).containsEntry(ParquetSealer.VERSION, "v000001")
        .containsEntry(ParquetSealer.TABLE, "egdi_country").containsKey("org.apache.spark.sql.parquet.row.metadata");
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toString()), new Configuration()))) {
      assertThat(reader.getFooter().getBlocks().get(0).getColumns())
          .allMatch(c -> c.getCodec() == CompressionCodecName.ZSTD);
    }

    // The catalog: every table, column meanings from the dictionary as comments.
    assertThat(spark.catalog().listTables(Catalog.DATABASE).collectAsList().stream().map(t -> t.name()).sorted())
        .containsExactlyElementsOf(TABLES);
    assertThat(spark.sql("SELECT count(*) FROM egov.egdi_country").first().getLong(0)).isEqualTo(2123);
    Row egdiColumn = spark.sql("DESCRIBE TABLE egov.egdi_country").where("col_name = 'survey_year'").first();
    String meaning = spark.read().parquet(wh.resolve("tables/data_dictionary/v000001").toString())
        .where("table_name = 'egdi_country' AND column_name = 'survey_year'").first().getAs("meaning_en");
    assertThat(egdiColumn.<String>getAs("comment")).startsWith(meaning);
    assertThat(location("egdi_country")).endsWith("/tables/egdi_country/v000001");

    // Same inputs, a rule file edited (a comment): a new version with the same content, another config hash.
    Path rules = home.resolve("quality-rules/un_egdi.yaml");
    Files.writeString(rules, Files.readString(rules) + "# reviewed\n");
    assertThat(CliRun.in(home, wh, "indicators").exitCode()).isZero();
    assertThat(CliRun.in(home, wh, "publish").exitCode()).isZero();
    JsonNode second = lineage(wh, "egdi_country", "v000002");
    assertThat(second.get("contentSha256").asText()).isEqualTo(lineage.get("contentSha256").asText());
    assertThat(second.get("configSha256").asText()).isNotEqualTo(lineage.get("configSha256").asText());
    assertThat(location("egdi_country")).endsWith("/tables/egdi_country/v000002");
    assertThat(CliRun.in(home, wh, "publish").err()).contains("(already published?)");

    CliRun rollback = CliRun.in(home, wh, "publish", "--rollback", "egdi_country");
    assertThat(rollback.exitCode()).as(rollback.err()).isZero();
    assertThat(rollback.out()).contains("egdi_country: v000002 → v000001 (run " + firstRun);
    assertThat(Files.readString(wh.resolve("tables/egdi_country/CURRENT"))).isEqualTo("v000001\n");
    assertThat(Files.readString(wh.resolve("tables/egdi_summary/CURRENT"))).isEqualTo("v000002\n");
    assertThat(location("egdi_country")).endsWith("/tables/egdi_country/v000001");
    assertThat(Files.readString(wh.resolve("tables/views.sql")))
        .contains("egdi_country/v000001/**/*.parquet").contains("egdi_summary/v000002/**/*.parquet");
    CliRun sql = CliRun.in(home, wh, "sql", "SELECT count(*) AS n FROM egov.egdi_country");
    assertThat(sql.out()).contains("|2123|");

    CliRun again = CliRun.in(home, wh, "publish", "--rollback", "egdi_country");
    assertThat(again.exitCode()).isEqualTo(ExitCodes.MISSING_STAGE_OUTPUT);
    assertThat(again.err()).contains("table 'egdi_country' has no version before v000001 to roll back to "
        + "(versions kept: v000001, v000002)");

    CliRun printed = CliRun.in(home, wh, "lineage", "egdi_country");
    assertThat(printed.out()).contains("egdi_country version v000001 (current)", "by run " + firstRun,
        "input         un_egdi: quality WARNED", "sha256 " + input.at("/files/0/sha256").asText());
    assertThat(CliRun.in(home, wh, "lineage", "egdi").err()).contains("table 'egdi' has no published version",
        "published tables: data_dictionary, egdi_country, egdi_summary");
  }

  @Test
  void aVersionThatDiffersFromWhatTheIndicatorsStageWroteIsRefusedAndNothingIsSwitched() throws Exception {
    Path home = Projects.copyConfig(dir, "un_egdi");
    Path wh = dir.resolve("wh");
    assertThat(CliRun.in(home, wh, "run").exitCode()).isZero();
    assertThat(CliRun.in(home, wh, "indicators").exitCode()).isZero();
    // The stage recorded 44 summary rows; 43 of them now stand in its work folder.
    Path work;
    try (Stream<Path> runs = Files.list(wh.resolve("work"))) {
      work = runs.findFirst().orElseThrow().resolve("egdi_summary");
    }
    Dataset<Row> written = spark.read().parquet(work.toString());
    List<Row> rows = written.collectAsList();
    spark.createDataFrame(rows.subList(0, 43), written.schema()).coalesce(1).write().mode("overwrite")
        .partitionBy("survey_year").parquet(work.toString());

    CliRun publish = CliRun.in(home, wh, "publish");
    assertThat(publish.exitCode()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(publish.err()).contains("not published: table egdi_summary").contains(": 43 rows, the indicators "
        + "stage wrote 44");
    // egdi_country was staged before the refusal, but readers still get the first versions.
    for (String table : TABLES) {
      assertThat(Files.readString(wh.resolve("tables").resolve(table).resolve("CURRENT"))).as(table)
          .isEqualTo("v000001\n");
    }
    assertThat(location("egdi_country")).endsWith("/tables/egdi_country/v000001");
  }

  private static String runId(CliRun run) {
    Matcher m = Pattern.compile(" run (\\S+) ").matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    return m.group(1);
  }

  private static JsonNode lineage(Path wh, String table, String version) throws IOException {
    return JsonFiles.MAPPER.readTree(wh.resolve("tables").resolve(table).resolve(version).resolve("_lineage.json")
        .toFile());
  }

  private String location(String table) {
    return spark.sharedState().externalCatalog().getTable(Catalog.DATABASE, table).location().getPath();
  }

  private static Path parquetFile(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
