package dev.stave.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller outside the web face's own packages whose pages are rendered with the web
 * face's layout ({@code site/templates/layout.html}), such as a dialect's account page (the
 * Subsonic credentials at {@code /account/subsonic}). The web face's model advice (the viewer the
 * header shows) applies to such controllers too: the annotation lives in the core so that a dialect
 * can ask for the shared layout without depending on the web face, which the architecture forbids
 * (faces never depend on one another).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LayoutPages {}
