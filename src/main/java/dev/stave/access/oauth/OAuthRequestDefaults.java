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
 * What Jamendo clients send to the OAuth endpoints and the OAuth2 specification does not have, made
 * standard ahead of Spring Security: a trailing slash ({@code /v3.0/oauth/grant/}, as clients write
 * every Jamendo path; spec §2.1) is dropped, and a {@code GET} of the authorize endpoint gets
 * Jamendo's defaults (spec §10.3) {@code response_type=code} and {@code scope=music} when it has
 * none.
 */
final class OAuthRequestDefaults extends OncePerRequestFilter {
  private static final Map<String, String> DEFAULTS =
      Map.of("response_type", "code", "scope", "music");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI();
    String path = uri.length() > 1 && uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    boolean authorize = path.endsWith(AuthorizationServerConfiguration.AUTHORIZE);
    if (path.equals(uri) && !(authorize && "GET".equals(request.getMethod()))) {
      chain.doFilter(request, response);
      return;
    }
    Map<String, String[]> params = new LinkedHashMap<>(request.getParameterMap());
    StringBuilder query =
        new StringBuilder(request.getQueryString() == null ? "" : request.getQueryString());
    if (authorize && "GET".equals(request.getMethod())) {
      DEFAULTS.forEach(
          (name, value) -> {
            String[] given = params.get(name);
            if (given == null || given.length == 0 || given[0].isBlank()) {
              params.put(name, new String[] {value});
              query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(value);
            }
          });
    }
    chain.doFilter(new Completed(request, path, params, query.toString()), response);
  }

  private static final class Completed extends HttpServletRequestWrapper {
    private final String uri;
    private final Map<String, String[]> params;
    private final String query;

    Completed(HttpServletRequest request, String uri, Map<String, String[]> params, String query) {
      super(request);
      this.uri = uri;
      this.params = Collections.unmodifiableMap(params);
      this.query = query;
    }

    @Override
    public String getRequestURI() {
      return uri;
    }

    @Override
    public StringBuffer getRequestURL() {
      StringBuffer url = super.getRequestURL();
      return url.charAt(url.length() - 1) == '/' ? url.deleteCharAt(url.length() - 1) : url;
    }

    @Override
    public String getServletPath() {
      String p = super.getServletPath();
      return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
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
