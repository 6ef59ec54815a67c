package dev.stave;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** design.md §1: dialects are faces over a core that knows nothing of them. */
class ArchitectureTest {
  private static final String[] CORE = {
    "dev.stave.catalog..",
    "dev.stave.search..",
    "dev.stave.recommend..",
    "dev.stave.audio..",
    "dev.stave.analysis..",
    "dev.stave.library..",
    "dev.stave.access..",
    "dev.stave.ingest..",
    "dev.stave.config..",
    "dev.stave.radio..",
    "dev.stave.web..",
    "dev.stave.backup..",
    "dev.stave.export.."
  };
  private static final String[] DIALECTS = {
    "dev.stave.jamendo..", "dev.stave.reccobeats..", "dev.stave.subsonic.."
  };

  private static JavaClasses classes;

  /**
   * Imports Stave's own production classes and nothing else: no jars, no test classes, and no
   * classes pulled in from the classpath to resolve what ours refer to (ArchUnit's default would
   * read Spring, Lucene and the JDK class by class, for rules that only need the names of the
   * packages our classes depend on, which the class files of our classes already give).
   */
  @BeforeAll
  static void importClasses() {
    ArchConfiguration config = ArchConfiguration.get();
    boolean resolving = config.resolveMissingDependenciesFromClassPath();
    config.setResolveMissingDependenciesFromClassPath(false);
    try {
      classes =
          new ClassFileImporter()
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .importPackages("dev.stave");
    } finally {
      config.setResolveMissingDependenciesFromClassPath(resolving);
    }
  }

  @Test
  void coreNeverDependsOnADialect() {
    noClasses()
        .that()
        .resideInAnyPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(DIALECTS)
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void coreNeverDependsOnTheCli() {
    noClasses()
        .that()
        .resideInAnyPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.stave.cli..")
        .check(classes);
  }

  @Test
  void catalogCoreHasNoWebDependency() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.stave.catalog..",
            "dev.stave.search..",
            "dev.stave.recommend..",
            "dev.stave.ingest..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
        .check(classes);
  }

  @Test
  void dialectsDoNotDependOnEachOther() {
    for (String dialect : DIALECTS) {
      String[] others =
          java.util.Arrays.stream(DIALECTS).filter(d -> !d.equals(dialect)).toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage(dialect)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .allowEmptyShould(true)
          .check(classes);
    }
  }
}
