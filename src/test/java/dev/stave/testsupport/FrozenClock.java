package dev.stave.testsupport;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the application's clock with a {@link MutableClock} standing at {@link #START}, so that
 * what counts time (rate limits) only moves when a test moves it. Use with {@code @Import}.
 */
@TestConfiguration
public class FrozenClock {
  public static final Instant START = Instant.parse("2026-06-15T12:00:00Z");

  @Bean
  @Primary
  MutableClock frozenClock() {
    return new MutableClock(START);
  }
}
