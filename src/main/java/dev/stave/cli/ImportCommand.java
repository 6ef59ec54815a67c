package dev.stave.cli;

import dev.stave.audio.AudioProperties;
import dev.stave.ingest.ImportException;
import dev.stave.ingest.ImportOptions;
import dev.stave.ingest.ImportReport;
import dev.stave.ingest.ImportService;
import dev.stave.ingest.Importer;
import dev.stave.ingest.ImporterRegistry;
import dev.stave.ingest.scan.AudioLinker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import catalog data (artists, albums, tracks) into the store.",
      "Formats (details: docs/import-format.md):",
      "  jsonl        Stave's own format, one JSON object per line",
      "  mtg-jamendo  MTG-Jamendo TSVs, optionally with the jamendo_ds names CSV",
      "  spotify-csv  spotify_songs.csv and ReccoBeats features_*.csv",
      "  jamendo-xml  Jamendo's legacy XML dump (dbdump_artistalbumtrack.xml.gz)",
      "Files may be gzipped. Re-running an import changes nothing; an interrupted",
      "import resumes where it stopped. Exit code: 0 done (skipped rows are listed),",
      "2 input refused, 3 stopped early.",
      "Tracks that name their audio file (mtg-jamendo PATH, jsonl audio) are linked",
      "to it under --audio-root DIR, else under stave.audio.roots."
    })
public class ImportCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Parameters(index = "0", paramLabel = "FORMAT", description = "Input format (see above)")
  String format;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "FILE",
      description = "Input files (plain or gzip)")
  List<Path> files;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      description = "Entities written per transaction (default ${DEFAULT-VALUE})")
  int batchSize = ImportOptions.DEFAULT_BATCH_SIZE;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Write every skipped row (file, line, reason) to FILE")
  Path reportFile;

  @Option(
      names = "--audio-root",
      paramLabel = "DIR",
      description =
          "Folder the audio paths of the import are relative to (default: stave.audio.roots);"
              + " remembered and served like a scanned folder")
  Path audioRoot;

  @Option(names = "--no-progress", description = "Do not draw a progress bar on stderr")
  boolean noProgress;

  // Simulates a crash half way through, so that resuming can be exercised end to end.
  @Option(names = "--stop-after-batches", hidden = true)
  int stopAfterBatches;

  // Holds batch N's transaction open until the process is killed, for crash tests.
  @Option(names = "--hold-in-batch", hidden = true)
  int holdInBatch;

  @Override
  public Integer call() throws IOException {
    if (audioRoot != null && !Files.isDirectory(audioRoot)) {
      System.err.println("error: --audio-root: not a folder: " + audioRoot);
      return 2;
    }
    try (ConfigurableApplicationContext ctx = SpringContexts.start(store, false, Map.of())) {
      ImporterRegistry registry = ctx.getBean(ImporterRegistry.class);
      Importer importer = registry.find(format).orElse(null);
      if (importer == null) {
        System.err.println(
            "error: unknown format '"
                + format
                + "'; known formats: "
                + registry.all().stream().map(Importer::format).collect(Collectors.joining(", ")));
        return 2;
      }
      ImportOptions options =
          new ImportOptions(batchSize, reportFile, !noProgress, stopAfterBatches, holdInBatch);
      ImportReport report;
      try {
        report = ctx.getBean(ImportService.class).run(importer, files, options);
      } catch (ImportException e) {
        System.err.println("error: " + e.getMessage());
        return 2;
      }
      report.print(System.out);
      linkAudio(ctx);
      return report.completed() ? 0 : 3;
    }
  }

  /**
   * Links the tracks that name an audio file to it, under {@code --audio-root} or the configured
   * roots; without either, says how to link them later. Even after an import that stopped early:
   * what was written is complete, and linking it again later changes nothing.
   */
  private void linkAudio(ConfigurableApplicationContext ctx) {
    AudioLinker linker = ctx.getBean(AudioLinker.class);
    if (!linker.hasPaths()) {
      return;
    }
    List<Path> roots =
        audioRoot != null ? List.of(audioRoot) : ctx.getBean(AudioProperties.class).roots();
    if (roots.isEmpty()) {
      System.out.println(
          "Audio: tracks name audio files; link them with --audio-root DIR (or stave.audio.roots),"
              + " or by `stave scan DIR`");
      return;
    }
    linker.link(roots, !noProgress).print(System.out);
  }
}
