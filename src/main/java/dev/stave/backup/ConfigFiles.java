package dev.stave.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The configuration files an operator keeps beside Stave: the files Spring Boot reads from the
 * working directory ({@code application.properties} / {@code .yml} / {@code .yaml}, directly or in
 * {@code config/}). Settings given as environment variables or on the command line live outside any
 * file; a backup names the {@code STAVE_*} variables that are set so the operator keeps them.
 */
final class ConfigFiles {
  private static final List<String> CANDIDATES =
      List.of(
          "application.properties",
          "application.yml",
          "application.yaml",
          "config/application.properties",
          "config/application.yml",
          "config/application.yaml");

  private ConfigFiles() {}

  /** The configuration files present under {@code workDir}, as paths relative to it. */
  static List<String> present(Path workDir) {
    return CANDIDATES.stream().filter(c -> Files.isRegularFile(workDir.resolve(c))).toList();
  }

  /** The names (never the values) of the {@code STAVE_*} environment variables that are set. */
  static List<String> environmentSettings() {
    return System.getenv().keySet().stream().filter(k -> k.startsWith("STAVE_")).sorted().toList();
  }
}
