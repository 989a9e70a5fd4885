package org.lvslab.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.RealServer;

/** sed, ipvs-model.md §6.5 and §11 case 18. */
class ShortestExpectedDelayTest {
    @Test
    void case18_sedWeighsActivePlusOneWhereWlcWeighsTheOverhead() {
        Bench b = Bench.create();
        RealServer bee = b.add("B", 10);
        RealServer a = b.add("A", 1); // list A, B
        b.tb.setCounters(a, 0, 0);
        b.tb.setCounters(bee, 5, 0);
        b.bind("sed");
        assertThat(b.pick()).isEqualTo("B"); // (0+1)/1 > (5+1)/10
        b.bind("wlc");
        assertThat(b.pick()).isEqualTo("A"); // 0/1 < 1285/10
    }

    @Test
    void inactiveConnectionsAreIgnoredInEveryKernelVersion() {
        for (var profile : new org.lvslab.ipvs.KernelProfile[] {Bench.CLASSIC, Bench.NEW}) {
            Bench b = new Bench(profile);
            b.bind("sed");
            RealServer bee = b.add("B", 1);
            RealServer a = b.add("A", 1);
            b.tb.setCounters(a, 0, 1000);
            b.tb.setCounters(bee, 0, 0);
            assertThat(b.pick()).isEqualTo("A"); // tie on active+1: the earlier server
        }
    }

    @Test
    void overloadedAndWeightZeroServersAreNotPicked() {
        Bench b = Bench.create();
        b.bind("sed");
        RealServer c = b.add("C", 1);
        b.add("B", 0);
        RealServer a = b.add("A", 5);
        b.tb.setOverloaded(a, true);
        b.tb.setCounters(c, 7, 0);
        assertThat(b.pick()).isEqualTo("C");
        b.tb.setOverloaded(c, true);
        assertThat(b.pick()).isEqualTo("none");
    }
}
