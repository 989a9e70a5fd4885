package org.lvslab.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.RealServer;

/** wrr, ipvs-model.md §6.2 and §11 cases 6–11. */
class WeightedRoundRobinTest {
    @Test
    void case06_freshInitSeesAllServersAndStartsAtTheMaximumWeight() {
        Bench b = Bench.create();
        b.add("C", 2);
        b.add("B", 3);
        b.add("A", 4); // list A B C, no scheduler yet
        WeightedRoundRobin wrr = (WeightedRoundRobin) b.bind("wrr");
        assertThat(wrr.currentWeight()).isEqualTo(4);
        assertThat(b.picks(18)).containsExactly(
                "A", "A", "B", "A", "B", "C", "A", "B", "C",
                "A", "A", "B", "A", "B", "C", "A", "B", "C");
    }

    @Test
    void case07_builtIncrementallyTheCurrentWeightEndsAtOne() {
        Bench b = Bench.create();
        WeightedRoundRobin wrr = (WeightedRoundRobin) b.bind("wrr");
        b.add("C", 2);
        b.add("B", 3);
        b.add("A", 4);
        assertThat(wrr.currentWeight()).isEqualTo(1);
        assertThat(b.picks(10)).containsExactly("A", "B", "C", "A", "A", "B", "A", "B", "C", "A");
    }

    @Test
    void case08_anyEditResetsThePositionToTheHead() {
        Bench b = Bench.create();
        WeightedRoundRobin wrr = (WeightedRoundRobin) b.bind("wrr");
        RealServer c = b.add("C", 2);
        b.add("B", 3);
        b.add("A", 4);
        assertThat(b.picks(5)).containsExactly("A", "B", "C", "A", "A");
        assertThat(wrr.currentWeight()).isEqualTo(3);
        assertThat(b.name(wrr.position())).isEqualTo("A");
        b.tb.update(c); // a threshold-only edit still runs upd_dest
        assertThat(wrr.position()).isNull();
        assertThat(b.picks(6)).containsExactly("A", "B", "A", "B", "C", "A");
    }

    @Test
    void case09_theGcdShortensTheCycle() {
        Bench b = Bench.create();
        WeightedRoundRobin wrr = (WeightedRoundRobin) b.bind("wrr");
        b.add("A", 100);
        b.add("B", 200);
        assertThat(wrr.gcdWeight()).isEqualTo(100);
        assertThat(wrr.maxWeight()).isEqualTo(101);
        assertThat(b.picks(6)).containsExactly("B", "A", "B", "B", "A", "B");
    }

    @Test
    void case10_allWeightsZeroGivesNullAndLeavesTheStateAlone() {
        Bench b = Bench.create();
        WeightedRoundRobin wrr = (WeightedRoundRobin) b.bind("wrr");
        b.add("A", 0);
        b.add("B", 0);
        assertThat(wrr.maxWeight()).isZero();
        assertThat(b.picks(2)).containsExactly("none", "none");
        assertThat(wrr.currentWeight()).isZero();
    }

    @Test
    void case11_allServersOverloadedGivesNullWithPositionAtHeadAndCurrentWeightAtMax() {
        Bench b = Bench.create();
        WeightedRoundRobin wrr = (WeightedRoundRobin) b.bind("wrr");
        RealServer c = b.add("C", 2);
        RealServer bee = b.add("B", 3);
        RealServer a = b.add("A", 4);
        b.picks(4);
        b.tb.setOverloaded(a, true);
        b.tb.setOverloaded(bee, true);
        b.tb.setOverloaded(c, true);
        assertThat(b.pick()).isEqualTo("none");
        assertThat(wrr.position()).isNull();
        assertThat(wrr.currentWeight()).isEqualTo(wrr.maxWeight()).isEqualTo(4);
    }

    @Test
    void overloadedFromAPositionStopsAfterOneFullLowestPass() {
        Bench b = Bench.create();
        WeightedRoundRobin wrr = (WeightedRoundRobin) b.bind("wrr");
        RealServer c = b.add("C", 1);
        RealServer bee = b.add("B", 1);
        RealServer a = b.add("A", 1);
        assertThat(b.picks(2)).containsExactly("A", "B"); // position on B
        b.tb.setOverloaded(a, true);
        b.tb.setOverloaded(c, true);
        assertThat(b.picks(2)).containsExactly("B", "B"); // B itself is the stop and still qualifies
        b.tb.setOverloaded(bee, true);
        assertThat(b.pick()).isEqualTo("none");
        assertThat(b.name(wrr.position())).isEqualTo("B"); // stopped on 'last'
    }

    @Test
    void weightZeroServersNeverQualify() {
        Bench b = Bench.create();
        b.bind("wrr");
        b.add("A", 2);
        b.add("Z", 0);
        b.add("B", 1);
        assertThat(b.picks(6)).containsExactly("B", "A", "A", "B", "A", "A");
    }

    @Test
    void theCurrentWeightIsRealignedToTheGcdOnEveryChange() {
        Bench b = Bench.create();
        WeightedRoundRobin wrr = (WeightedRoundRobin) b.bind("wrr");
        RealServer a = b.add("A", 2); // cw was 0 -> mw = 2 - (2 - 1) = 1
        assertThat(wrr.currentWeight()).isEqualTo(1);
        b.add("B", 4); // di 2, mw 3; cw 1 -> 1/2*2 + 1 = 1
        assertThat(wrr.gcdWeight()).isEqualTo(2);
        assertThat(wrr.maxWeight()).isEqualTo(3);
        assertThat(wrr.currentWeight()).isEqualTo(1);
        b.tb.setWeight(a, 3); // di 1, mw 4, cw 1 kept
        assertThat(wrr.maxWeight()).isEqualTo(4);
        assertThat(wrr.currentWeight()).isEqualTo(1);
        assertThat(b.picks(7)).containsExactly("B", "A", "B", "B", "A", "B", "A");
    }

    @Test
    void aCurrentWeightAboveTheNewMaximumFallsBackToIt() {
        Bench b = Bench.create();
        b.add("A", 1);
        RealServer bee = b.add("B", 5);
        WeightedRoundRobin wrr = (WeightedRoundRobin) b.bind("wrr");
        assertThat(wrr.currentWeight()).isEqualTo(5);
        b.tb.setWeight(bee, 2);
        assertThat(wrr.currentWeight()).isEqualTo(2);
        assertThat(b.picks(3)).containsExactly("B", "B", "A");
    }
}
