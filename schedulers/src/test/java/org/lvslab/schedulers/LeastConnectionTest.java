package org.lvslab.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.RealServer;

/** lc, ipvs-model.md §6.3 and §11 cases 12–15. */
class LeastConnectionTest {
    @Test
    void case12_aTieGoesToTheNewestServer() {
        Bench b = Bench.create();
        b.bind("lc");
        b.add("A", 1);
        b.add("B", 1);
        assertThat(b.pick()).isEqualTo("B");
    }

    @Test
    void case13_theOverheadFormulaDependsOnTheKernelVersion() {
        for (var profile : new org.lvslab.ipvs.KernelProfile[] {Bench.CLASSIC, Bench.NEW}) {
            Bench b = new Bench(profile);
            b.bind("lc");
            RealServer bee = b.add("B", 1);
            RealServer a = b.add("A", 1); // list A, B
            b.tb.setCounters(a, 1, 0);
            b.tb.setCounters(bee, 0, 256);
            // CLASSIC: 1*256 + 0 = 256 vs 0*256 + 256 = 256 -> tie -> A; NEW: 256 + 1 = 257 vs 256 -> B
            assertThat(b.pick()).as(profile.version().toString()).isEqualTo(profile.totalConns() ? "B" : "A");
        }
    }

    @Test
    void case14_udpConnectionsCountAsInactive() {
        Bench b = Bench.create();
        b.bind("lc");
        RealServer bee = b.add("B", 1);
        RealServer a = b.add("A", 1);
        b.tb.setCounters(a, 0, 3);
        b.tb.setCounters(bee, 0, 2);
        assertThat(b.pick()).isEqualTo("B");
    }

    @Test
    void case15_withCountersAlwaysZeroEveryPickGoesToTheFirstEligibleServer() {
        Bench b = Bench.create();
        b.bind("lc");
        b.add("A", 1);
        b.add("B", 1);
        RealServer c = b.add("C", 0);
        assertThat(b.picks(3)).containsExactly("B", "B", "B");
        b.tb.setWeight(c, 1);
        assertThat(b.picks(2)).containsExactly("C", "C");
    }

    @Test
    void weightsOtherThanZeroAreIgnored() {
        Bench b = Bench.create();
        b.bind("lc");
        RealServer heavy = b.add("H", 100);
        RealServer light = b.add("L", 1);
        b.tb.setCounters(heavy, 2, 0);
        b.tb.setCounters(light, 1, 0);
        assertThat(b.pick()).isEqualTo("L");
    }

    @Test
    void overloadedAndWeightZeroServersAreSkipped() {
        Bench b = Bench.create();
        b.bind("lc");
        RealServer c = b.add("C", 1);
        RealServer bee = b.add("B", 0);
        RealServer a = b.add("A", 1);
        b.tb.setCounters(c, 9, 0);
        b.tb.setOverloaded(a, true);
        assertThat(b.pick()).isEqualTo("C");
        b.tb.setOverloaded(c, true);
        assertThat(b.pick()).isEqualTo("none");
        assertThat(bee.weight()).isZero();
    }

    @Test
    void overheadIsComparedUnsigned() {
        Bench b = Bench.create();
        b.bind("lc");
        RealServer big = b.add("BIG", 1);
        RealServer wrapped = b.add("WRAPPED", 1);
        // active << 8 overflows into the sign bit: as unsigned it is huge, so BIG (smaller unsigned) wins
        b.tb.setCounters(wrapped, 1 << 23, 0);
        b.tb.setCounters(big, 1 << 22, 0);
        assertThat(wrapped.overhead()).isNegative();
        assertThat(b.pick()).isEqualTo("BIG");
    }
}
