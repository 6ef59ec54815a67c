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
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + rootMessage(ex));
          return 2;
        });
    return cli.execute(args);
  }

  private static String rootMessage(Throwable ex) {
    Throwable t = ex;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
