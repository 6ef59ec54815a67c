package dev.stave;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StaveApplicationTest {
  private final String before = System.getProperty(StaveApplication.CARRIERS);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(StaveApplication.CARRIERS);
    } else {
      System.setProperty(StaveApplication.CARRIERS, before);
    }
  }

  @Test
  void virtualThreadsGetTwoCarriersPerCoreUnlessTheOperatorSaysOtherwise() {
    System.clearProperty(StaveApplication.CARRIERS);
    StaveApplication.carryVirtualThreadsOnTwoThreadsPerCore();
    assertThat(System.getProperty(StaveApplication.CARRIERS))
        .isEqualTo(Integer.toString(2 * Runtime.getRuntime().availableProcessors()));

    System.setProperty(StaveApplication.CARRIERS, "3");
    StaveApplication.carryVirtualThreadsOnTwoThreadsPerCore();
    assertThat(System.getProperty(StaveApplication.CARRIERS)).isEqualTo("3");
  }
}
