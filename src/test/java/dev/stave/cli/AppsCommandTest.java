package dev.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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

  /**
   * A plan asked for in the developer portal (as AppSelfService records it) is listed, and the
   * operator grants it with approve-plan.
   */
  @Test
  void approvesThePlanAnAppAskedFor() throws Exception {
    Matcher m =
        Pattern.compile("Client id: ([0-9a-f]{32})")
            .matcher(stave("apps", "create", "Asks to write").out());
    assertThat(m.find()).isTrue();
    String clientId = m.group(1);
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + data.resolve("stave.db").toAbsolutePath());
        var st =
            c.prepareStatement(
                "UPDATE apps SET requested_plan = 'read-write' WHERE client_id = ?")) {
      st.setString(1, clientId);
      assertThat(st.executeUpdate()).isOne();
    }
    assertThat(stave("apps", "list").out())
        .contains(clientId + "  active     read-only")
        .contains("asks for read-write (stave apps approve-plan " + clientId + ")");

    Run approved = stave("apps", "approve-plan", clientId);
    assertThat(approved.exit()).isZero();
    assertThat(approved.out()).contains(clientId + "  active     read-write");
    assertThat(stave("apps", "list").out()).doesNotContain("asks for");
    assertThat(stave("apps", "approve-plan", clientId).exit()).isNotZero();
  }

  private String storedSecretHash(String clientId) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + data.resolve("stave.db").toAbsolutePath());
        var st = c.prepareStatement("SELECT secret_hash FROM apps WHERE client_id = ?")) {
      st.setString(1, clientId);
      try (ResultSet rs = st.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  @Test
  void anAppHasAPlanRedirectUrisAndASecretShownOnceAndStoredHashed() throws Exception {
    Run created =
        stave(
            "apps",
            "create",
            "Writer",
            "--owner",
            "dev@app.example",
            "--plan",
            "read-write",
            "--redirect-uri",
            "https://app.example/cb/",
            "--redirect-uri",
            "http://localhost:1410/");
    assertThat(created.exit()).isZero();
    Matcher id = Pattern.compile("Client id: ([0-9a-f]{32})").matcher(created.out());
    Matcher secret = Pattern.compile("Client secret: ([A-Za-z0-9_-]{43})").matcher(created.out());
    assertThat(id.find() && secret.find()).as(created.out()).isTrue();
    String clientId = id.group(1);
    String hash = storedSecretHash(clientId);
    assertThat(hash).startsWith("{bcrypt}").doesNotContain(secret.group(1));

    String shown = stave("apps", "show", clientId).out();
    assertThat(shown)
        .contains("dev@app.example")
        .contains("read-write")
        .contains("https://app.example/cb/ http://localhost:1410/")
        .doesNotContain(secret.group(1));
    assertThat(stave("apps", "list").out()).contains(clientId + "  active     read-write");

    Run rotated = stave("apps", "rotate-secret", clientId);
    Matcher fresh = Pattern.compile("Client secret: ([A-Za-z0-9_-]{43})").matcher(rotated.out());
    assertThat(fresh.find()).as(rotated.out()).isTrue();
    assertThat(fresh.group(1)).isNotEqualTo(secret.group(1));
    assertThat(storedSecretHash(clientId)).isNotEqualTo(hash);

    assertThat(stave("apps", "set-plan", clientId, "read-only").out()).contains("read-only");
    assertThat(stave("apps", "set-redirect-uris", clientId, "https://other.example/").out())
        .contains("Redirect URIs: https://other.example/");
  }

  @Test
  void badPlansAndRedirectUrisAreRefusedWithAMessage() {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(stave("apps", "create", "X", "--plan", "gold").exit()).isEqualTo(2);
      assertThat(stave("apps", "create", "X", "--redirect-uri", "https://a.example/#f").exit())
          .isEqualTo(2);
      assertThat(stave("apps", "create", "X", "--redirect-uri", "/relative").exit()).isEqualTo(2);
    } finally {
      System.setErr(originalErr);
    }
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("plan must be read-only or read-write")
        .contains("must not have a fragment")
        .contains("must be absolute");
    assertThat(stave("apps", "list").out()).contains("No apps registered");
  }

  @Test
  void usersAreCreatedListedDisabledAndEnabled() {
    Run created =
        stave("users", "create", "ana", "ana@mail.example", "--password", "long enough pw");
    assertThat(created.exit()).as(created.out()).isZero();
    assertThat(created.out()).contains("Created user 'ana'");
    assertThat(stave("users", "list").out()).contains("active").contains("ana@mail.example");
    assertThat(stave("users", "disable", "ANA@mail.example").exit()).isZero();
    assertThat(stave("users", "list").out()).contains("disabled");
    assertThat(stave("users", "enable", "ana").exit()).isZero();
    assertThat(stave("users", "list").out()).contains("active").doesNotContain("disabled");

    PrintStream originalErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(
              stave("users", "create", "bo", "ana@mail.example", "--password", "long enough pw")
                  .exit())
          .isEqualTo(2);
    } finally {
      System.setErr(originalErr);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("already exists");
  }
}
