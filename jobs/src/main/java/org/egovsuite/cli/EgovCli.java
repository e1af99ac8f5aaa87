package org.egovsuite.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.egovsuite.config.ExitCodes;
import org.egovsuite.spark.SessionProvider;
import org.egovsuite.stage.EgovVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code egov} command line. Returns exit codes; only {@link EgovMain} exits. */
@Command(
    name = "egov",
    mixinStandardHelpOptions = true,
    versionProvider = EgovCli.Version.class,
    description =
        "Governance-analytics batch jobs: ingest open government data, check its quality, "
            + "publish e-government indicators as Iceberg tables.",
    footer = {
      "",
      "Exit codes: 0 ok, 1 runtime failure, 2 bad usage, 3 bad configuration,",
      "4 quality gate failed, 5 bad input file, 6 an earlier stage's output is missing,",
      "7 the warehouse is busy (another run holds it)."
    })
public final class EgovCli implements Runnable {
  private final CommandLine commandLine;

  public EgovCli(SessionProvider sessions, PrintStream out, PrintStream err) {
    CommandRunner runner = new CommandRunner(sessions, out, err);
    commandLine =
        new CommandLine(this)
            .addSubcommand(new RunCommand(runner))
            .addSubcommand(new IngestCommand(runner))
            .addSubcommand(
                new CommandLine(new QualityCommand(runner))
                    .addSubcommand(new QualityCheckCommand(runner))
                    .addSubcommand(new QualitySuggestCommand(runner))
                    .addSubcommand(new QualityHistoryCommand(runner)))
            .addSubcommand(new IndicatorsCommand(runner))
            .addSubcommand(new PublishCommand(runner))
            .addSubcommand(new SqlCommand(runner))
            .addSubcommand(new LineageCommand(runner))
            .addSubcommand(new ProfileCommand(runner))
            .addSubcommand(new BriefCommand(runner))
            .addSubcommand(new GenerateCommand(runner))
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .setParameterExceptionHandler(
                (e, args) -> {
                  err.println("egov: " + e.getMessage() + " (see 'bin/egov --help')");
                  return ExitCodes.USAGE;
                });
  }

  public int execute(String... args) {
    return commandLine.execute(args);
  }

  /** {@code egov} alone prints the help. */
  @Override
  public void run() {
    commandLine.usage(commandLine.getOut());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"egov " + EgovVersion.get()};
    }
  }
}
