package dev.stave.cli;

import dev.stave.export.JamendoXmlExport;
import dev.stave.export.JsonlExport;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export the store in a format `stave import` reads back.",
    subcommands = {ExportCommand.Jsonl.class, ExportCommand.JamendoXml.class})
public class ExportCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** What both exports share: the store, the file, and a progress bar on stderr. */
  abstract static class ToFile implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to write")
    Path file;

    @Option(names = "--no-progress", description = "Do not draw a progress bar on stderr")
    boolean noProgress;

    /** Where an export reports how far it is. */
    interface Bar {
      void step(long done, long total);
    }

    /** An export run in the command's Spring context. */
    interface Exporting<R> {
      R run(ConfigurableApplicationContext ctx, Bar bar) throws Exception;
    }

    <R> R export(String unit, Exporting<R> exporting) throws Exception {
      try (ConfigurableApplicationContext ctx = SpringContexts.start(store, false, Map.of());
          ProgressBar bar =
              noProgress
                  ? null
                  : new ProgressBarBuilder()
                      .setTaskName("Exporting")
                      .setStyle(ProgressBarStyle.ASCII)
                      .setUnit(unit, 1)
                      .showSpeed()
                      .build()) {
        return exporting.run(
            ctx,
            (done, total) -> {
              if (bar != null) {
                bar.maxHint(total);
                bar.stepTo(done);
              }
            });
      }
    }
  }

  @Command(
      name = "jsonl",
      mixinStandardHelpOptions = true,
      description = {
        "Write the whole store as Stave's JSON Lines import format (docs/import-format.md):",
        "artists, albums, tracks, users, playlists, reviews, radios, feeds and relations.",
        "A track's audio is its file's path relative to the audio root holding it; a file",
        "outside every root is reported and left out.",
        "`stave import jsonl FILE` into an empty data directory answers every read the same.",
        "Streamed in constant memory; FILE appears only when complete; FILE.gz is gzipped."
      })
  static class Jsonl extends ToFile {
    @Override
    public Integer call() throws Exception {
      JsonlExport.Result result =
          export(" lines", (ctx, bar) -> ctx.getBean(JsonlExport.class).export(file, bar::step));
      StringBuilder counts = new StringBuilder();
      result
          .lines()
          .forEach(
              (type, n) -> counts.append(String.format(Locale.ROOT, "%n  %-10s %,d", type, n)));
      System.out.printf(Locale.ROOT, "Exported %,d lines to %s:%s%n", result.total(), file, counts);
      printAudio(result.audio());
      return 0;
    }

    /**
     * Where the tracks' audio paths are relative to, so the operator knows which {@code
     * --audio-root} the import needs, and which linked files could not be written.
     */
    private static void printAudio(JsonlExport.AudioLinks audio) {
      if (audio.linked() + audio.named() + audio.outside() == 0) {
        return;
      }
      if (audio.linked() > 0) {
        System.out.printf(
            Locale.ROOT,
            "Audio: %,d tracks with their file, relative to %s (import with --audio-root set to"
                + " it)%n",
            audio.linked(),
            String.join(", ", audio.roots().stream().map(Path::toString).toList()));
      } else {
        System.out.println("Audio: no track has a file inside an audio root");
      }
      if (audio.named() > 0) {
        System.out.printf(
            Locale.ROOT,
            "  %,d tracks with the path their import named (no file linked yet)%n",
            audio.named());
      }
      if (audio.outside() > 0) {
        System.out.printf(
            Locale.ROOT,
            "  %,d tracks whose file lies outside every audio root: no relative path, audio not"
                + " written (add its folder to stave.audio.roots or `stave scan` it, then export"
                + " again):%n",
            audio.outside());
        audio.outsideExamples().forEach(e -> System.out.println("    " + e));
        if (audio.outside() > audio.outsideExamples().size()) {
          System.out.printf(
              Locale.ROOT,
              "    … and %,d more%n",
              audio.outside() - audio.outsideExamples().size());
        }
      }
    }
  }

  @Command(
      name = "jamendo-xml",
      mixinStandardHelpOptions = true,
      description = {
        "Write the catalog in the layout of Jamendo's legacy dump <JamendoData> (spec section 12),",
        "which `stave import jamendo-xml` reads back. The dump has no place for singles (tracks",
        "without an album: counted, not written), UUIDs, stats, features, lyrics or descriptions.",
        "Streamed in constant memory; FILE appears only when complete; FILE.gz is gzipped."
      })
  static class JamendoXml extends ToFile {
    @Override
    public Integer call() throws Exception {
      JamendoXmlExport.Result r =
          export(
              " tracks", (ctx, bar) -> ctx.getBean(JamendoXmlExport.class).export(file, bar::step));
      System.out.printf(
          Locale.ROOT,
          "Exported %,d artists, %,d albums and %,d tracks to %s.%n",
          r.artists(),
          r.albums(),
          r.tracks(),
          file);
      if (r.singlesLeftOut() > 0) {
        System.out.printf(
            Locale.ROOT,
            "Left out %,d tracks without an album: the dump has no place for singles.%n",
            r.singlesLeftOut());
      }
      return 0;
    }
  }
}
