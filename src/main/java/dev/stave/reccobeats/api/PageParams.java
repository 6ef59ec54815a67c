package dev.stave.reccobeats.api;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The {@code page} and {@code size} query parameters, bound together (a value that is not a number
 * is a 4002, one out of range a 4004; see {@link Paging}).
 */
@ParameterObject
public record PageParams(
    @Parameter(
            description = "zero-based page number, 0…1000",
            schema = @Schema(defaultValue = "0", minimum = "0", maximum = "1000"))
        Integer page,
    @Parameter(
            description = "page size, 1…50",
            schema = @Schema(defaultValue = "25", minimum = "1", maximum = "50"))
        Integer size) {

  /** The validated paging, reporting out-of-range values together with {@code others}. */
  public Paging paging(ValidationException.Collector others) {
    return Paging.of(
        page == null ? Paging.DEFAULT_PAGE : page,
        size == null ? Paging.DEFAULT_SIZE : size,
        others);
  }

  public Paging paging() {
    return paging(new ValidationException.Collector());
  }
}
