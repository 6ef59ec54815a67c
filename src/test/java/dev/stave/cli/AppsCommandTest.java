package dev.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app registry as an operator drives it: through the CLI. */
class AppsCommandTest {
  @TempDir Path data;

  private record Run(int exit, String out) {}

  private Run stave(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      String[] all = new String[args.length + 2];
      System.arraycopy(args, 0, all, 0, args.length);
      all[args.length] = "--data";
      all[args.length + 1] = data.toString();
      int exit = StaveCommand.run(all);
      return new Run(exit, buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void createListSuspendResume() {
    Run created = stave("apps", "create", "My Player");
    assertThat(created.exit()).isZero();
    Matcher m = Pattern.compile("Client id: ([0-9a-f]{32})").matcher(created.out());
    assertThat(m.find()).as(created.out()).isTrue();
    String clientId = m.group(1);

    assertThat(stave("apps", "list").out())
        .contains(clientId)
        .contains("active")
        .contains("My Player");

    Run suspended = stave("apps", "suspend", clientId);
    assertThat(suspended.exit()).isZero();
    assertThat(stave("apps", "list").out()).contains(clientId + "  suspended");

    stave("apps", "resume", clientId);
    assertThat(stave("apps", "list").out()).contains(clientId + "  active");
  }

  @Test
  void suspendingAnUnknownAppFailsWithAMessage() {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      Run r = stave("apps", "suspend", "nope");
      assertThat(r.exit()).isEqualTo(2);
    } finally {
      System.setErr(originalErr);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no app with client id nope");
  }

  @Test
  void everyCommandHasHelp() {
    assertThat(stave("apps", "--help").out()).contains("create").contains("suspend");
    assertThat(stave("serve", "--help").out()).contains("--port").contains("--data");
  }
}
