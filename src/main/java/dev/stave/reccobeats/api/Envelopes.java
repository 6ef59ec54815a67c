package dev.stave.reccobeats.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The two response envelopes (spec §1.4) and the two error envelopes (spec §5.1, §5.2). */
public final class Envelopes {
  private Envelopes() {}

  /** Multi-get and batch answers: {@code {"content":[…]}}, no paging fields. */
  public record ListEnvelope<T>(List<T> content) {}

  /**
   * Searches and sub-resource listings. {@code size} echoes the requested page size, not the number
   * of rows; {@code totalPages} is {@code ceil(totalElements / size)}.
   */
  @JsonPropertyOrder({"content", "page", "size", "totalElements", "totalPages"})
  public record PageEnvelope<T>(
      List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> PageEnvelope<T> of(List<T> content, Paging paging, long total) {
      int pages = (int) ((total + paging.size() - 1) / paging.size());
      return new PageEnvelope<>(content, paging.page(), paging.size(), total, pages);
    }
  }

  /**
   * Envelope A: {@code timestamp} as Jackson renders a {@code java.util.Date} ({@code
   * 2025-01-12T07:09:10.228+00:00}), {@code path} as {@code uri=/v1/…}, {@code status} the
   * ReccoBeats code (not the HTTP status).
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonPropertyOrder({"timestamp", "error", "path", "status"})
  public record Error(String timestamp, String error, String path, int status) {}

  /** Envelope B: {@code status} 4004 and one entry per violated parameter. */
  @JsonPropertyOrder({"status", "errors"})
  public record Validation(int status, List<FieldError> errors) {}

  /** {@code path} is {@code <controllerMethod>.<parameter>}. */
  @JsonPropertyOrder({"path", "message"})
  public record FieldError(String path, String message) {}
}
