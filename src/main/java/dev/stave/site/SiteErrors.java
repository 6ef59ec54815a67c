package dev.stave.site;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The web face's answers to what a page controller refuses: an unknown entity is a 404 page, a
 * malformed parameter ({@code /albums/abc}) a 400 page naming it. Both in the site's look, with a
 * way home; never a stack trace.
 */
@ControllerAdvice(basePackages = "dev.stave.site")
public class SiteErrors {
  static final String VIEW = "error";

  @ExceptionHandler(PageNotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public String notFound(PageNotFoundException e, Model model) {
    return page(model, HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(PageBadRequestException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  public String badRequest(PageBadRequestException e, Model model) {
    return page(model, HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  public String badParameter(MethodArgumentTypeMismatchException e, Model model) {
    return page(model, HttpStatus.BAD_REQUEST, "“" + e.getName() + "” is not a valid value here.");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  public String missingParameter(MissingServletRequestParameterException e, Model model) {
    return page(model, HttpStatus.BAD_REQUEST, "“" + e.getParameterName() + "” is required here.");
  }

  static String page(Model model, HttpStatus status, String message) {
    model.addAttribute("status", status.value());
    model.addAttribute("reason", status.getReasonPhrase());
    model.addAttribute("message", message);
    return VIEW;
  }
}
