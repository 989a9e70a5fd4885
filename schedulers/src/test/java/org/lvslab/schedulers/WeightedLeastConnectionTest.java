package org.lvslab.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.RealServer;

/** wlc, ipvs-model.md §6.4 and §11 cases 13, 16, 17. */
class WeightedLeastConnectionTest {
    @Test
    void case13_equalWeightsFollowTheVersionsOverheadFormula() {
        for (KernelProfile profile : new KernelProfile[] {Bench.CLASSIC, Bench.NEW}) {
            Bench b = new Bench(profile);
            b.bind("wlc");
            RealServer bee = b.add("B", 3);
            RealServer a = b.add("A", 3);
            b.tb.setCounters(a, 1, 0);
            b.tb.setCounters(bee, 0, 256);
            assertThat(b.pick()).as(profile.version().toString()).isEqualTo(profile.totalConns() ? "B" : "A");
        }
    }

    @Test
    void case16_anExactRatioTieGoesToTheEarlierServer() {
        Bench b = Bench.create();
        b.bind("wlc");
        RealServer bee = b.add("B", 1);
        RealServer a = b.add("A", 2); // list A, B
        b.tb.setCounters(a, 0, 2);
        b.tb.setCounters(bee, 0, 1);
        assertThat(b.pick()).isEqualTo("A");

        Bench r = Bench.create();
        r.bind("wlc");
        RealServer a2 = r.add("A", 2);
        RealServer b2 = r.add("B", 1); // list B, A
        r.tb.setCounters(a2, 0, 2);
        r.tb.setCounters(b2, 0, 1);
        assertThat(r.pick()).isEqualTo("B");
    }

    @Test
    void case17_overloadedAndWeightZeroServersAreSkipped() {
        Bench b = Bench.create();
        b.bind("wlc");
        RealServer c = b.add("C", 1);
        b.add("B", 0);
        RealServer a = b.add("A", 1); // list A, B, C
        b.tb.setOverloaded(a, true);
        b.tb.setCounters(c, 5, 0);
        assertThat(b.pick()).isEqualTo("C");
    }

    @Test
    void aLaterWeightZeroServerNeverWinsEvenIdle() {
        Bench b = Bench.create();
        b.bind("wlc");
        b.add("Z", 0);
        RealServer a = b.add("A", 1);
        b.tb.setCounters(a, 50, 0);
        assertThat(b.pick()).isEqualTo("A");
    }

    @Test
    void productsAreSixtyFourBit() {
        Bench b = Bench.create();
        b.bind("wlc");
        RealServer bee = b.add("B", 65535);
        RealServer a = b.add("A", 65535);
        b.tb.setCounters(a, 100_000, 0);   // overhead 25.7e6, times 65535 overflows 32 bits
        b.tb.setCounters(bee, 99_999, 0);
        assertThat(b.pick()).isEqualTo("B");
    }
}
