package dev.stave.site.console;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A console action the services refuse (no app with that client id, a plan that is neither
 * read-only nor read-write, no account of that name — the messages the CLI prints for the same
 * mistakes) is answered with the web face's error page, status 400 and the message: never a stack
 * trace, and nothing changed.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
public class ConsoleErrors {
  @ExceptionHandler(IllegalArgumentException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  public String refused(IllegalArgumentException e, Model model) {
    model.addAttribute("status", HttpStatus.BAD_REQUEST.value());
    model.addAttribute("reason", HttpStatus.BAD_REQUEST.getReasonPhrase());
    model.addAttribute("message", capitalised(e.getMessage()) + ". Nothing was changed.");
    return "error";
  }

  private static String capitalised(String s) {
    return s == null || s.isEmpty()
        ? "Refused"
        : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
