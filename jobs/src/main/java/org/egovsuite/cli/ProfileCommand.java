package org.egovsuite.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.config.PipelineConfigLoader;
import org.egovsuite.publish.profile.ChinaMap;
import org.egovsuite.publish.profile.PlaceProfile;
import org.egovsuite.publish.profile.PlaceProfiles;
import org.egovsuite.publish.profile.ProfilePage;
import org.egovsuite.warehouse.JsonFiles;
import org.egovsuite.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = {
      "One place's profile: scores, ranks, bands, strengths, peers.",
      "Every ranked indicator that covers the place, from the published tables (main of each), "
          + "without Spark: its value, rank and band in every period, its dimensions against the mean "
          + "of all units, the other units of its band and the data's caveats (quality verdicts, "
          + "synthetic inputs). Printed, and written as HTML and JSON:",
      "  bin/egov profile 浙江",
      "  bin/egov profile 杭州市 --out /tmp/profiles"
    })
final class ProfileCommand extends ReaderCommand {
  @Parameters(
      paramLabel = "PLACE",
      description = "A province or city: its name, the start of it (浙江), or its code.")
  String place;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder for <place>.html and <place>.json (default: <warehouse>/profiles).")
  String out;

  /** Where the profile was written, with its numbers, for --json. */
  record Written(String html, String json, PlaceProfile profile) {}

  ProfileCommand(CommandRunner runner) {
    super(runner);
  }

  @Override
  String name() {
    return "profile";
  }

  @Override
  CommandRunner.Body body() {
    return (ctx, report) -> {
      requirePublished(ctx);
      // the indicator definitions say which tables rank units, by which column and parts
      PipelineConfig config =
          PipelineConfigLoader.load(Path.of(ctx.config().file()), ctx.config().home(), null);
      PlaceProfile profile = PlaceProfiles.build(config, ctx.warehouse().catalog(), place);
      String folder = out != null ? out : ctx.warehouse().root() + "/profiles";
      String base =
          folder + "/" + profile.sections().get(0).unitName().replaceAll("[/\\\\:*?\"<>|\\s]", "_");
      write(
          ctx.warehouse(),
          base + ".html",
          ProfilePage.html(profile, ChinaMap.load(ctx.config().home())));
      write(ctx.warehouse(), base + ".json", json(profile));
      ctx.listener()
          .text(
              ProfilePage.text(profile)
                  + String.format("%nprofile %s.html (numbers: %s.json)%n", base, base));
      report.result(new Written(base + ".html", base + ".json", profile));
    };
  }

  private static String json(PlaceProfile profile) {
    try {
      return JsonFiles.MAPPER.writeValueAsString(profile);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a profile is plain data", e);
    }
  }

  private static void write(Warehouse warehouse, String path, String text) {
    try (OutputStream stream = warehouse.create(path)) {
      stream.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }
}
