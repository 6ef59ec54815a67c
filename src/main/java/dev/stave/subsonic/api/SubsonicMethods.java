package dev.stave.subsonic.api;

import java.io.IOException;
import java.util.Map;

/**
 * A group of Subsonic methods of one feature, each a bean; {@link SubsonicController} collects them
 * by name. A method answers the element inside the envelope, null for an empty success, or {@link
 * SubsonicRequest#WRITTEN} when it wrote bytes itself.
 */
public interface SubsonicMethods {
  /** The methods by their name as players call them (without {@code .view}). */
  Map<String, Method> methods();

  /** One method. */
  @FunctionalInterface
  interface Method {
    Node run(SubsonicRequest request) throws IOException;
  }
}
