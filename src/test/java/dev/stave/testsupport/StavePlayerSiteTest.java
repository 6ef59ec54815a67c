package dev.stave.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The {@link StaveSiteTest} server with audio for one demo album ({@link SiteDemoAudio}) and a log
 * of the audio requests: the player's and the playground's tests share this context, and the shared
 * site context of the other pages keeps a catalog without audio. The background analysis of the
 * scanned files is off: it is not what these tests test, and it would compete with the browser for
 * the CPU.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@StaveSiteTest
@Import(SiteDemoAudio.class)
@TestPropertySource(properties = "stave.analysis.worker.threads=0")
public @interface StavePlayerSiteTest {}
