package dev.stave.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "stave",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Stave: music catalog, streaming, search and recommendation API server.",
    subcommands = {
      ServeCommand.class,
      ImportCommand.class,
      ScanCommand.class,
      AnalyzeCommand.class,
      DemoCommand.class,
      IndexCommand.class,
      ExportCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      AppsCommand.class,
      UsersCommand.class,
      CommandLine.HelpCommand.class
    })
public class StaveCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Parses and runs; returns the process exit code. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new StaveCommand());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    allowSettings(cli);
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + rootMessage(ex));
          return 2;
        });
    return cli.execute(args);
  }

  /**
   * Lets the commands with {@link StoreOptions} take settings as {@code --name=value}: the mixin
   * collects what picocli does not recognise, and refuses what is not a setting. (picocli does not
   * carry a mixin's {@code @Unmatched} field over to its command by itself.)
   */
  private static void allowSettings(CommandLine cli) {
    CommandLine.Model.CommandSpec spec = cli.getCommandSpec();
    for (CommandLine.Model.CommandSpec mixin : spec.mixins().values()) {
      if (mixin.userObject() instanceof StoreOptions) {
        mixin.unmatchedArgsBindings().forEach(spec::addUnmatchedArgsBinding);
        spec.parser().unmatchedArgumentsAllowed(true);
      }
    }
    cli.getSubcommands().values().forEach(StaveCommand::allowSettings);
  }

  private static String rootMessage(Throwable ex) {
    Throwable t = ex;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
