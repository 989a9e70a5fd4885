package org.lvslab.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.RealServer;

/** nq, ipvs-model.md §6.6 and §11 cases 19, 20, 23. */
class NeverQueueTest {
    @Test
    void case19_theFirstIdleServerWinsAtOnce() {
        Bench b = Bench.create();
        b.bind("nq");
        RealServer bee = b.add("B", 100);
        RealServer a = b.add("A", 1); // list A, B
        b.tb.setCounters(a, 0, 50);
        b.tb.setCounters(bee, 0, 0);
        assertThat(b.pick()).isEqualTo("A");
    }

    @Test
    void case20_withoutAnIdleServerTheSmallestActivePlusOnePerWeightWins() {
        Bench b = Bench.create();
        b.bind("nq");
        RealServer bee = b.add("B", 3);
        RealServer a = b.add("A", 1);
        b.tb.setCounters(a, 1, 0);
        b.tb.setCounters(bee, 2, 0);
        assertThat(b.pick()).isEqualTo("B"); // 2/1 > 3/3
    }

    @Test
    void case23_udpConnectionsAreNeverActiveSoTheFirstEligibleServerAlwaysWins() {
        Bench b = Bench.create();
        b.bind("nq");
        RealServer c = b.add("C", 5);
        RealServer bee = b.add("B", 1);
        RealServer a = b.add("A", 0);
        b.tb.setCounters(a, 0, 10);
        b.tb.setCounters(bee, 0, 40);
        b.tb.setCounters(c, 0, 1);
        assertThat(b.picks(3)).containsExactly("B", "B", "B");
    }

    @Test
    void anIdleServerLaterInTheListBeatsABetterRatioEarlier() {
        Bench b = Bench.create();
        b.bind("nq");
        RealServer idle = b.add("IDLE", 1);
        RealServer busy = b.add("BUSY", 1000);
        b.tb.setCounters(busy, 1, 0);
        b.tb.setCounters(idle, 0, 0);
        assertThat(b.pick()).isEqualTo("IDLE");
        assertThat(idle.activeConns()).isZero();
    }
}
