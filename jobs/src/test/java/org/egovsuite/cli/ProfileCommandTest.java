package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.egovsuite.config.ExitCodes;
import org.egovsuite.testing.Chromium;
import org.egovsuite.warehouse.JsonFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/egov profile} on the bundled run. Expected figures: the report digest
 * (../shared/docs/domain.md, 2015: national mean 76.48; 浙江 first of the top five and, with 江苏, in
 * the 非常高 band; dimension means guide accuracy 78.17, interactivity 77.98, completeness 77.09,
 * coverage 70.73) and 浙江省's row of the bundled fixture (data/province-service-capability: 93.31,
 * 88.79, 96.43, 92.17, overall 92.46), so by hand: guide accuracy 96.43 − 78.17 = +18.26
 * (strongest), interactivity 92.17 − 77.98 = +14.19 (weakest), coverage 88.79 − 70.73 = +18.06,
 * completeness 93.31 − 77.09 = +16.22.
 */
@Tag("bundled-run") // reads the whole bundled run (BundledRun)
class ProfileCommandTest {
  @TempDir Path dir;

  @Test
  void aProvincesProfileHasItsRankBandPartsAndPeersAsHtmlAndJson() throws Exception {
    CliRun run =
        CliRun.of(
            "profile",
            "浙江",
            "--warehouse",
            BundledRun.warehouse().toString(),
            "--out",
            dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "浙江省 2015: 92.46, rank 1 of 32, band 非常高",
            "vs the mean 76.48",
            "相对较强 strongest: 办事指南准确性 guide accuracy (+18.26)",
            "相对较弱 weakest: 在线服务交互性 online interactivity (+14.19)",
            "peers in 非常高: 江苏省",
            "SYNTHETIC DATA 合成数据: province_service_scores");

    JsonNode section =
        JsonFiles.MAPPER.readTree(dir.resolve("浙江省.json").toFile()).at("/sections/0");
    assertThat(section.get("table").asText()).isEqualTo("province_capability");
    JsonNode latest = section.at("/periods/0");
    assertThat(latest.get("period").asText()).isEqualTo("2015");
    assertThat(latest.get("value").asDouble())
        .isCloseTo(92.46, within(1e-9)); // 0.1, 0.2, 0.2, 0.5 weights
    assertThat(latest.get("rank").asLong()).isEqualTo(1);
    assertThat(latest.get("units").asLong()).isEqualTo(32);
    assertThat(latest.get("mean").asDouble()).isCloseTo(76.48, within(0.005));
    assertThat(section.at("/parts/0/column").asText()).isEqualTo("guide_accuracy");
    assertThat(section.at("/parts/0/score").asDouble()).isEqualTo(96.43);
    assertThat(section.at("/parts/0/mean").asDouble()).isCloseTo(78.17, within(0.005));
    assertThat(section.at("/parts/1/column").asText()).isEqualTo("coverage");
    assertThat(section.at("/parts/1/mean").asDouble()).isCloseTo(70.73, within(0.005));
    assertThat(section.at("/parts/2/column").asText()).isEqualTo("completeness");
    assertThat(section.at("/parts/2/mean").asDouble()).isCloseTo(77.09, within(0.005));
    assertThat(section.at("/parts/3/column").asText()).isEqualTo("interactivity");
    assertThat(section.at("/parts/3/mean").asDouble()).isCloseTo(77.98, within(0.005));
    assertThat(section.at("/peers").toString()).isEqualTo("[\"江苏省\"]");

    Path html = dir.resolve("浙江省.html");
    Chromium.Page page = Chromium.load(html, dir);
    assertThat(page.console()).isEmpty();
    assertThat(page.dom())
        .contains("data-ready=\"true\"")
        .contains("合成数据 SYNTHETIC DATA")
        .contains("+18.26")
        .contains("1 / 32")
        .contains("江苏省");
    // a locator map: 浙江 (330000) the one province highlighted among the outlines
    String here = page.dom().substring(page.dom().indexOf("data-here=\"true\""));
    assertThat(here.substring(0, here.indexOf("</path>"))).endsWith("<title>浙江</title>");
    assertThat(page.dom().split("data-here=", -1)).hasSize(2);
    assertThat(Files.readString(html)).doesNotContainPattern("(src|href)=\"(https?:)?//");
    Chromium.screenshot(html, dir, "profile-zhejiang", 1100, 1400);
  }

  @Test
  void aStartThatFitsSeveralUnitsIsRefusedNamingThem() {
    CliRun run =
        CliRun.of(
            "profile",
            "江",
            "--warehouse",
            BundledRun.warehouse().toString(),
            "--out",
            dir.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(run.err())
        .contains("'江' starts 2 units of province_capability: 江苏省, 江西省; give the whole name");
  }
}
