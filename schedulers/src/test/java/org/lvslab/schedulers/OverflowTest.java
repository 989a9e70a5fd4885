package org.lvslab.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.RealServer;

/** ovf, ipvs-model.md §6.8 and §11 cases 22, 23. */
class OverflowTest {
    @Test
    void case22_activeEqualToWeightStillQualifiesOneMoreOverflows() {
        Bench b = Bench.create();
        b.bind("ovf");
        RealServer a = b.add("A", 5);
        b.add("B", 3); // list B, A
        b.tb.setCounters(a, 5, 0);
        assertThat(b.pick()).isEqualTo("A");
        b.tb.setCounters(a, 6, 0);
        assertThat(b.pick()).isEqualTo("B");
    }

    @Test
    void case23_udpConnectionsAreNeverActiveSoTheHighestWeightAlwaysWins() {
        Bench b = Bench.create();
        b.bind("ovf");
        RealServer a = b.add("A", 5);
        RealServer bee = b.add("B", 3);
        b.tb.setCounters(a, 0, 1000);
        b.tb.setCounters(bee, 0, 0);
        assertThat(b.picks(3)).containsExactly("A", "A", "A");
    }

    @Test
    void equalWeightsGoToTheFirstAndNothingQualifyingGivesNull() {
        Bench b = Bench.create();
        b.bind("ovf");
        RealServer a = b.add("A", 2);
        RealServer bee = b.add("B", 2);
        b.add("Z", 0);
        assertThat(b.pick()).isEqualTo("B");
        b.tb.setOverloaded(bee, true);
        b.tb.setCounters(a, 3, 0);
        assertThat(b.pick()).isEqualTo("none");
    }
}
