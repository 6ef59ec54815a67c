package dev.stave.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * The web face's shared test server: a {@link StaveWebTest} whose catalog is a small demo catalog
 * ({@link SiteDemoCatalog}: {@value SiteDemoCatalog#TRACKS} tracks, seeded once when the context
 * starts and indexed), so pages have artists, albums, tracks and playlists to show. Every test
 * class of the web face (home, explorer, portal, console) uses this one annotation and so shares
 * one server. Tests add their own apps and accounts but do not change the catalog; one that must
 * adds {@code @DirtiesContext}.
 *
 * <p>The home page's counts are read afresh on every view here ({@code
 * stave.site.summary-refresh=0s}), so a test sees what it just wrote.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@StaveWebTest(properties = "stave.site.summary-refresh=0s")
@Import(SiteDemoCatalog.class)
public @interface StaveSiteTest {}
