package org.lvslab.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.RealServer;

/** fo, ipvs-model.md §6.7 and §11 case 21. */
class WeightedFailoverTest {
    @Test
    void case21_highestWeightWinsTiesGoFirstOverloadFailsOverAllZeroGivesNull() {
        Bench b = Bench.create();
        b.bind("fo");
        RealServer c = b.add("C", 3);
        RealServer bee = b.add("B", 5);
        RealServer a = b.add("A", 5); // list A, B, C
        b.tb.setCounters(a, 1000, 0);
        assertThat(b.pick()).isEqualTo("A");
        b.tb.setOverloaded(a, true);
        assertThat(b.pick()).isEqualTo("B");
        b.tb.setOverloaded(a, false);
        b.tb.setWeight(a, 0);
        b.tb.setWeight(bee, 0);
        b.tb.setWeight(c, 0);
        assertThat(b.pick()).isEqualTo("none");
    }
}
