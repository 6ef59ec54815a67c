package dev.stave.access;

import java.time.Instant;

/** A client application allowed to call the API with its client id. */
public record App(String clientId, String name, State state, Instant createdAt) {
  public enum State {
    ACTIVE,
    SUSPENDED
  }

  public boolean active() {
    return state == State.ACTIVE;
  }
}
