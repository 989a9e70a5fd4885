package org.lvslab.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.sched.RandomSource;

/** twos, ipvs-model.md §6.9 and §11 case 24. */
class PowerOfTwoChoicesTest {
    /** Serves scripted draws and records the bounds asked for. */
    static final class Script implements RandomSource {
        final ArrayDeque<Integer> draws = new ArrayDeque<>();
        final List<Integer> bounds = new ArrayList<>();

        Script(int... values) {
            for (int v : values) {
                draws.add(v);
            }
        }

        @Override
        public int nextIntBelow(int bound) {
            bounds.add(bound);
            int v = draws.removeFirst();
            assertThat(v).isBetween(0, bound - 1);
            return v;
        }
    }

    private static Bench case24(KernelProfile profile) {
        Bench b = new Bench(profile);
        b.bind("twos");
        RealServer c = b.add("C", 1);
        RealServer bee = b.add("B", 2);
        RealServer a = b.add("A", 1); // list A, B, C
        b.tb.setCounters(a, 0, 0);
        b.tb.setCounters(bee, 1, 0);
        b.tb.setCounters(c, 0, 3);
        return b;
    }

    @Test
    void case24_scriptedDrawsGiveTheDocumentedChoicesInBothProfiles() {
        for (KernelProfile profile : new KernelProfile[] {KernelProfile.of("6.12.100"), Bench.NEW}) {
            Bench b = case24(profile);
            Script s = new Script(0, 0, 2, 4, 4, 1, 3, 3);
            b.tb.random(s);
            assertThat(b.picks(4)).as(profile.version().toString()).containsExactly("A", "C", "A", "B");
            assertThat(s.bounds).containsOnly(5); // W + 1 = 5, twice per decision
            assertThat(s.bounds).hasSize(8);
        }
    }

    @Test
    void drawsExactlyTwicePerDecisionFirstDrawIsTheFirstChoice() {
        Bench b = case24(Bench.NEW);
        Script s = new Script(4, 0);
        b.tb.random(s);
        // r1 = 4 -> C (w1, oh 3), r2 = 0 -> A (w1, oh 0): 1*3 > 1*0 so the second choice A wins
        assertThat(b.pick()).isEqualTo("A");
        assertThat(s.draws).isEmpty();
    }

    @Test
    void overloadedAndWeightZeroServersAreExcludedFromTheSum() {
        Bench b = case24(Bench.NEW);
        RealServer a = b.tb.dests().get(0);
        b.tb.setOverloaded(a, true);
        b.add("Z", 0);
        Script s = new Script(0, 0);
        b.tb.random(s);
        assertThat(b.pick()).isEqualTo("B");
        assertThat(s.bounds).containsExactly(4, 4);
    }

    @Test
    void noEligibleServerGivesNullWithoutDrawing() {
        Bench b = Bench.create();
        b.bind("twos");
        RealServer a = b.add("A", 1);
        b.tb.setOverloaded(a, true);
        Script s = new Script();
        b.tb.random(s);
        assertThat(b.pick()).isEqualTo("none");
        assertThat(s.bounds).isEmpty();
    }

    @Test
    void theComparisonIsThirtyTwoBitAndMayWrap() {
        Bench b = Bench.create();
        b.bind("twos");
        RealServer second = b.add("SECOND", 65535);
        RealServer first = b.add("FIRST", 65535);
        b.tb.setCounters(first, 40_000, 0);  // overhead 40000*257 = 10,280,000
        b.tb.setCounters(second, 0, 0);
        // w2*o1 = 65535 * 10,280,000 wraps to a negative int, so the idle second choice loses
        assertThat(65535 * first.overhead()).isNegative();
        b.tb.random(new Script(0, 65536));
        assertThat(b.pick()).isEqualTo("FIRST");
    }

    @Test
    void isAvailableOnlyInKernelsThatHaveIt() {
        var twos = Bench.provider("twos");
        assertThat(twos.availableIn(KernelProfile.of("6.1.170"))).isFalse();
        assertThat(twos.availableIn(KernelProfile.of("6.12.117"))).isTrue();
        assertThat(Bench.provider("wlc").availableIn(KernelProfile.of("6.1.170"))).isTrue();
    }
}
