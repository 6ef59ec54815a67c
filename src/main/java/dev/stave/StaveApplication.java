package dev.stave;

import dev.stave.cli.StaveCommand;
import dev.stave.config.StaveProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Spring configuration root; the process entry point is the CLI. */
@SpringBootApplication
@EnableConfigurationProperties(StaveProperties.class)
public class StaveApplication {
  public static void main(String[] args) {
    System.exit(StaveCommand.run(args));
  }
}
