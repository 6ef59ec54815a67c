package dev.stave.access.oauth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Jamendo's authorize request has defaults the OAuth2 specification does not (spec §10.3): {@code
 * response_type} defaults to {@code code} and {@code scope} to {@code music}. This filter, ahead of
 * Spring Security, adds the missing ones to a {@code GET} of the authorize endpoint, so the
 * authorization server sees a complete request.
 */
final class AuthorizeDefaults extends OncePerRequestFilter {
  private static final Map<String, String> DEFAULTS =
      Map.of("response_type", "code", "scope", "music");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Map<String, String[]> params = new LinkedHashMap<>(request.getParameterMap());
    StringBuilder query =
        new StringBuilder(request.getQueryString() == null ? "" : request.getQueryString());
    DEFAULTS.forEach(
        (name, value) -> {
          String[] given = params.get(name);
          if (given == null || given.length == 0 || given[0].isBlank()) {
            params.put(name, new String[] {value});
            query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(value);
          }
        });
    chain.doFilter(new Completed(request, params, query.toString()), response);
  }

  private static final class Completed extends HttpServletRequestWrapper {
    private final Map<String, String[]> params;
    private final String query;

    Completed(HttpServletRequest request, Map<String, String[]> params, String query) {
      super(request);
      this.params = Collections.unmodifiableMap(params);
      this.query = query;
    }

    @Override
    public String getQueryString() {
      return query.isEmpty() ? null : query;
    }

    @Override
    public String getParameter(String name) {
      String[] v = params.get(name);
      return v == null || v.length == 0 ? null : v[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return params;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(params.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return params.get(name);
    }
  }
}
