package dev.stave.site;

import dev.stave.web.DialectErrorDocuments;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The web face's error page for what fails before a page controller runs (an unknown path such as
 * {@code /albums/1/nope}, a wrong method, bad percent-encoding): a small HTML page in the site's
 * look instead of a JSON document or Tomcat's page. Written without the template engine because it
 * must render even when the request never reached Spring MVC.
 */
@Component
public class SiteErrorDocuments implements DialectErrorDocuments {
  @Override
  public boolean owns(String requestUri) {
    return SitePaths.owns(requestUri);
  }

  @Override
  public ErrorDocument render(int status, String requestUri, String reason) {
    HttpStatus known = HttpStatus.resolve(status);
    String title = status + " " + (known == null ? "Error" : known.getReasonPhrase());
    String body =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>"
            + HtmlUtils.htmlEscape(title)
            + " · Stave</title><link rel=\"stylesheet\" href=\"/assets/site.css\"></head><body>"
            + "<main id=\"main\" class=\"narrow\"><h1>"
            + HtmlUtils.htmlEscape(title)
            + "</h1><p>"
            + HtmlUtils.htmlEscape(reason)
            + "</p><p><a href=\"/\">Stave home</a></p></main></body></html>";
    return new ErrorDocument(status, "text/html;charset=UTF-8", body);
  }
}
