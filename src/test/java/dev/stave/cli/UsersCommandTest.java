package dev.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.CommandRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator role as an operator hands it out: {@code stave users grant-operator/revoke}. */
class UsersCommandTest {
  @TempDir Path data;

  private CommandRun stave(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data";
    all[args.length + 1] = data.toString();
    return CommandRun.of(all);
  }

  private String lineOf(String name) {
    return stave("users", "list")
        .out()
        .lines()
        .filter(l -> l.contains(" " + name + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no account " + name + " listed"));
  }

  @Test
  void grantAndRevokeOperatorByNameOrEmail() {
    assertThat(
            stave("users", "create", "ops", "ops@mail.example", "--password", "long enough pw")
                .exit())
        .isZero();
    assertThat(
            stave("users", "create", "dev", "dev@mail.example", "--password", "long enough pw")
                .exit())
        .isZero();
    assertThat(lineOf("ops")).contains("active").contains(" user ");

    CommandRun granted = stave("users", "grant-operator", "ops");
    assertThat(granted.exit()).as(granted.err()).isZero();
    assertThat(granted.out()).contains("is now an operator");
    assertThat(lineOf("ops")).contains(" operator ");
    assertThat(lineOf("dev")).contains(" user ");

    // by e-mail, any case, as disable/enable take it
    CommandRun revoked = stave("users", "revoke-operator", "OPS@mail.example");
    assertThat(revoked.exit()).as(revoked.err()).isZero();
    assertThat(lineOf("ops")).contains(" user ");
  }

  @Test
  void anUnknownAccountIsRefusedWithItsName() {
    CommandRun run = stave("users", "grant-operator", "nobody-here");
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("no account named nobody-here");
  }
}
