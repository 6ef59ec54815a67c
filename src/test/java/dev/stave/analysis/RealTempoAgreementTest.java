package dev.stave.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.RequiredTool;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tempo of the real {@code singularity-music} recordings against Debian's aubio (the median of its
 * beat tracker's intervals, within ±4 %). Skipped, with the reason printed, when aubio or the
 * recordings are missing (.ci/run installs both when it can). The full table is in docs/analysis.md
 * (bench/analysis-accuracy.sh).
 */
class RealTempoAgreementTest {
  @Test
  void tempoAgreesWithAubioUpToOctaveOnMostRecordings() throws Exception {
    String why = AubioTempo.unavailable();
    RequiredTool.require(why);

    List<AubioTempo.Row> rows = AubioTempo.compare();
    System.out.println(AubioTempo.table(rows));

    assertThat(rows).hasSizeGreaterThanOrEqualTo(10);
    long octave = rows.stream().filter(r -> r.relation().octaveTolerant()).count();
    long exact = rows.stream().filter(r -> r.relation() == AubioTempo.Relation.EXACT).count();
    // Most recordings share aubio's pulse up to an octave; a third or more agree exactly. (The
    // ambiguous ones are evenly accented ~200/100 BPM pulses and rubato or ambient passages.)
    assertThat(octave).as("octave-tolerant agreements").isGreaterThan(rows.size() / 2);
    assertThat(exact).as("exact agreements").isGreaterThanOrEqualTo(rows.size() / 3);
  }
}
