package dev.stave.analysis;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** An optional command-line tool from a Debian package that some analysis tests compare with. */
final class DebianTool {
  private DebianTool() {}

  /**
   * Why {@code command} cannot be run here (with how to install it from {@code debianPackage}), or
   * null when {@code command --version} succeeds.
   */
  static String missing(String command, String debianPackage) {
    try {
      Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0
          ? null
          : command + " --version failed";
    } catch (IOException e) {
      return command
          + " is not installed (apt-get install "
          + debianPackage
          + "): "
          + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
