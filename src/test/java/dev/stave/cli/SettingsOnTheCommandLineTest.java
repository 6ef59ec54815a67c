package dev.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.CommandRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any setting given after the command as {@code --name=value} (README, "Configuration"), and an
 * argument that is neither an option nor a setting refused with the reason.
 */
class SettingsOnTheCommandLineTest {
  @TempDir Path data;

  @Test
  void aSettingAfterTheCommandOverridesItsDefault() {
    CommandRun created = CommandRun.of("apps", "create", "Player", "--data", data.toString());
    assertThat(created.exit()).as(created.err()).isZero();

    CommandRun defaults = CommandRun.of("apps", "list", "--data", data.toString());
    assertThat(defaults.out()).contains("limits: 6,000/minute (default), 500,000/month (default)");

    CommandRun set =
        CommandRun.of(
            "apps",
            "list",
            "--stave.limits.app.per-minute=77",
            "--data",
            data.toString(),
            "--stave.limits.app.monthly=1234");
    assertThat(set.exit()).as(set.err()).isZero();
    assertThat(set.out()).contains("limits: 77/minute (default), 1,234/month (default)");

    CommandRun off =
        CommandRun.of("apps", "list", "--data", data.toString(), "--stave.limits.enabled=false");
    assertThat(off.out()).contains("limits: off");
  }

  @Test
  void anUnknownOptionIsRefusedWithHowSettingsAreGiven() {
    for (String wrong : new String[] {"--nope", "--stave.limits.enabled", "extra"}) {
      CommandRun run = CommandRun.of("apps", "list", "--data", data.toString(), wrong);
      assertThat(run.exit()).as(wrong).isEqualTo(2);
      assertThat(run.err())
          .contains("unknown option or argument '" + wrong + "'")
          .contains("--name=value");
    }
  }
}
