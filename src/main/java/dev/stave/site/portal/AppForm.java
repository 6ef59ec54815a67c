package dev.stave.site.portal;

import dev.stave.access.App;
import dev.stave.access.AppSelfService;

/**
 * The register form as posted: what the developer typed, kept to show it again beside the errors.
 *
 * @param redirectUris one URI per line (or separated by spaces)
 * @param readWrite whether the developer asks for the write methods too (a checkbox: absent, so
 *     null, when not ticked)
 */
public record AppForm(String name, String description, String redirectUris, Boolean readWrite) {
  static final AppForm EMPTY = new AppForm("", "", "", false);

  /** Whether the checkbox is ticked. */
  public boolean wantsWrite() {
    return Boolean.TRUE.equals(readWrite);
  }

  AppSelfService.Registration registration() {
    return new AppSelfService.Registration(
        name,
        description,
        AppSelfService.parseUris(redirectUris),
        wantsWrite() ? App.Plan.READ_WRITE : App.Plan.READ_ONLY);
  }
}
