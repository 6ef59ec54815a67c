package dev.stave.config;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The base URL clients reach this server at, for links a dialect hands out: {@code
 * stave.public-url} when configured (without a trailing slash), otherwise the scheme, host and port
 * the current request came in on. Dialect-neutral, so that every dialect builds its links the same
 * way without depending on another one.
 */
@Component
public class PublicUrl {
  private final String configured;

  public PublicUrl(StaveProperties props) {
    String url = props.publicUrl() == null ? "" : props.publicUrl().strip();
    this.configured = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The configured public URL, or else the one the current request reached this server at. */
  public String base() {
    if (!configured.isEmpty()) {
      return configured;
    }
    return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
  }
}
