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
  void setLimitsOverridesTheDefaultsAndListShowsThem() {
    Matcher m =
        Pattern.compile("Client id: ([0-9a-f]{32})")
            .matcher(stave("apps", "create", "Radio Site").out());
    assertThat(m.find()).isTrue();
    String clientId = m.group(1);
    assertThat(stave("apps", "list").out())
        .contains(clientId)
        .contains("limits: 6,000/minute (default), 500,000/month (default)");

    Run set = stave("apps", "set-limits", clientId, "--per-minute", "120", "--monthly", "35000");
    assertThat(set.exit()).isZero();
    assertThat(set.out())
        .contains(clientId + "  active")
        .contains("limits: 120/minute, 35,000/month");

    // a value not given stays; 'unlimited' lifts a limit, 'default' follows the server again
    stave("apps", "set-limits", clientId, "--monthly", "unlimited");
    assertThat(stave("apps", "list").out()).contains("limits: 120/minute, unlimited/month");
    stave("apps", "set-limits", clientId, "--per-minute", "default");
    assertThat(stave("apps", "list").out())
        .contains("limits: 6,000/minute (default), unlimited/month");
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
    assertThat(stave("apps", "--help").out())
        .contains("create")
        .contains("suspend")
        .contains("set-limits");
    assertThat(stave("apps", "set-limits", "--help").out())
        .contains("--per-minute=N")
        .contains("--monthly=N")
        .contains("'unlimited'");
    assertThat(stave("serve", "--help").out()).contains("--port").contains("--data");
  }
}
