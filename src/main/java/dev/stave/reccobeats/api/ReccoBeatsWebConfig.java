package dev.stave.reccobeats.api;

import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * CORS open to every origin on {@code /v1} (browser apps call ReccoBeats directly, spec §1.1;
 * preflights are answered by Spring), the usage counts ({@link ReccoBeatsUsage}), the rate limits
 * ({@link ReccoBeatsLimits}), and the dialect's OpenAPI group, served at {@code
 * /v3/api-docs/reccobeats}.
 */
@Configuration
class ReccoBeatsWebConfig implements WebMvcConfigurer {
  private final ReccoBeatsLimits limits;
  private final ReccoBeatsUsage usage;

  ReccoBeatsWebConfig(ReccoBeatsLimits limits, ReccoBeatsUsage usage) {
    this.limits = limits;
    this.usage = usage;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    // usage first: its afterCompletion then runs for the requests the limits refuse, too
    registry.addInterceptor(usage).addPathPatterns("/v1/**");
    registry.addInterceptor(limits).addPathPatterns("/v1/**");
  }

  /**
   * Every method passes the CORS check, so that a cross-origin request with a method no endpoint
   * takes (PUT, DELETE…) gets the dialect's 405 in envelope A from {@link FallbackController}; with
   * only GET, HEAD and POST allowed, Spring refused it first with a bare 403 "Invalid CORS request"
   * (found by ApiFuzzTest).
   */
  @Override
  public void addCorsMappings(CorsRegistry registry) {
    registry
        .addMapping("/v1/**")
        .allowedOrigins("*")
        .allowedMethods("*")
        .allowedHeaders("*")
        .maxAge(86_400);
  }

  @Bean
  GroupedOpenApi reccobeatsOpenApi() {
    return GroupedOpenApi.builder()
        .group("reccobeats")
        .displayName("ReccoBeats API v1")
        .pathsToMatch("/v1/**")
        .build();
  }
}
