/**
 * Stave's web face: the pages a person opens in a browser (home, catalog explorer and player,
 * developer portal, operator console). Like the dialects it is a face over the core: it reads the
 * catalog through the same services the APIs use and the core knows nothing of it
 * (ArchitectureTest).
 *
 * <p>Decision (issue 13): server-rendered Thymeleaf templates, enhanced by htmx where a page
 * updates in place (autocomplete, the playground, navigation that keeps the player playing), and
 * uPlot for charts. Every page is a plain document with a stable URL that works without script; the
 * assets come from jars (webjars) built into the one executable, so building and running need
 * nothing but a JDK, and no page loads anything from another site.
 */
package dev.stave.site;
