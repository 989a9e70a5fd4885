package org.lvslab.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.RealServer;

/** rr, ipvs-model.md §6.1 and §11 cases 1–5. */
class RoundRobinTest {
    @Test
    void case01_picksInListOrderNewestFirstAndWraps() {
        Bench b = Bench.create();
        b.bind("rr");
        b.add("A", 1);
        b.add("B", 1);
        b.add("C", 1);
        assertThat(b.order()).containsExactly("C", "B", "A");
        assertThat(b.picks(4)).containsExactly("C", "B", "A", "C");
    }

    @Test
    void case02_deletingThePositionedServerContinuesWithItsSuccessor() {
        Bench b = Bench.create();
        b.bind("rr");
        b.add("A", 1);
        b.add("B", 1);
        RealServer c = b.add("C", 1);
        b.picks(4); // C B A C: position on C
        b.tb.remove(c);
        assertThat(b.picks(3)).containsExactly("B", "A", "B");
    }

    @Test
    void deletingAServerInTheMiddleMovesThePositionToItsPredecessor() {
        Bench b = Bench.create();
        b.bind("rr");
        b.add("A", 1);
        RealServer bee = b.add("B", 1);
        b.add("C", 1);
        b.add("D", 1); // D C B A
        assertThat(b.picks(3)).containsExactly("D", "C", "B");
        b.tb.remove(bee); // position moves to C, so A is next
        assertThat(b.picks(3)).containsExactly("A", "D", "C");
    }

    @Test
    void case03_aServerAddedMidCycleIsReachedOnlyAfterTheWrap() {
        Bench b = Bench.create();
        b.bind("rr");
        b.add("A", 1);
        b.add("B", 1);
        b.add("C", 1);
        assertThat(b.picks(2)).containsExactly("C", "B");
        b.add("D", 1);
        assertThat(b.order()).containsExactly("D", "C", "B", "A");
        assertThat(b.picks(4)).containsExactly("A", "D", "C", "B");
    }

    @Test
    void case04_thePositionedServerIsTheLastCandidateChecked() {
        Bench b = Bench.create();
        b.bind("rr");
        RealServer a = b.add("A", 1);
        b.add("B", 1);
        RealServer c = b.add("C", 1);
        assertThat(b.picks(2)).containsExactly("C", "B"); // position on B
        b.tb.setWeight(a, 0);
        b.tb.setWeight(c, 0);
        assertThat(b.picks(2)).containsExactly("B", "B");
    }

    @Test
    void case05_aWeightEditDoesNotMoveThePosition() {
        Bench b = Bench.create();
        b.bind("rr");
        b.add("A", 1);
        RealServer bee = b.add("B", 1);
        b.add("C", 1);
        assertThat(b.picks(2)).containsExactly("C", "B");
        b.tb.setWeight(bee, 0);
        assertThat(b.picks(3)).containsExactly("A", "C", "A");
    }

    @Test
    void overloadedAndWeightZeroServersAreSkippedAndNoneLeftGivesNull() {
        Bench b = Bench.create();
        b.bind("rr");
        RealServer a = b.add("A", 1);
        RealServer bee = b.add("B", 1);
        b.tb.setOverloaded(bee, true);
        assertThat(b.picks(2)).containsExactly("A", "A");
        b.tb.setWeight(a, 0);
        assertThat(b.pick()).isEqualTo("none");
    }

    @Test
    void anEmptyServiceGivesNull() {
        Bench b = Bench.create();
        b.bind("rr");
        assertThat(b.pick()).isEqualTo("none");
    }

    @Test
    void deletingTheOnlyServerLeavesThePositionAtTheHead() {
        Bench b = Bench.create();
        RoundRobin rr = (RoundRobin) b.bind("rr");
        RealServer a = b.add("A", 1);
        b.pick();
        b.tb.remove(a);
        assertThat(rr.position()).isNull();
        b.add("B", 1);
        assertThat(b.pick()).isEqualTo("B");
    }
}
