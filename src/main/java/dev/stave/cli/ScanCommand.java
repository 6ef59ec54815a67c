package dev.stave.cli;

import dev.stave.audio.AudioException;
import dev.stave.ingest.scan.LibraryScanner;
import dev.stave.ingest.scan.ScanReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Scan folders of audio files (MP3, Ogg Vorbis, Opus, FLAC, WAV, M4A) into the catalog.",
      "Tags become artists, albums and tracks linked to their file; missing tags fall back to",
      "the file and folder names (Artist/Album/NN Title.ext) and are reported. Folders given",
      "are remembered: a bare `stave scan` rescans them and the configured stave.audio.roots.",
      "Rescans skip files whose size and time are unchanged, follow moved files and mark",
      "deleted ones; an interrupted scan continues where it stopped when run again.",
      "Exit code: 0 done, 2 refused, 3 stopped early."
    })
public class ScanCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Parameters(arity = "0..*", paramLabel = "DIR", description = "Folders to scan")
  List<Path> folders = List.of();

  @Option(names = "--no-progress", description = "Do not draw a progress bar on stderr")
  boolean noProgress;

  @Option(names = "--batch-size", hidden = true)
  int batchSize = LibraryScanner.Options.defaults().batchSize();

  // Simulates an interruption, so that resuming can be exercised end to end.
  @Option(names = "--stop-after-batches", hidden = true)
  int stopAfterBatches;

  // Holds batch N's transaction open until the process is killed, for crash tests.
  @Option(names = "--hold-in-batch", hidden = true)
  int holdInBatch;

  @Override
  public Integer call() {
    try (ConfigurableApplicationContext ctx = SpringContexts.start(store, false, Map.of())) {
      ScanReport report;
      try {
        report =
            ctx.getBean(LibraryScanner.class)
                .scan(
                    folders,
                    new LibraryScanner.Options(
                        !noProgress, Math.max(1, batchSize), stopAfterBatches, holdInBatch));
      } catch (AudioException e) {
        System.err.println("error: " + e.getMessage());
        return 2;
      }
      report.print(System.out);
      return report.completed() ? 0 : 3;
    }
  }
}
