package org.lvslab.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.Testbed;

/**
 * Properties on random tables: each scan-based scheduler agrees with a declarative statement of
 * its rule from ipvs-model.md §6 (a minimum or maximum over the eligible servers, first in list
 * order on ties), and the cyclic and random schedulers have the documented cycle and outcome counts.
 */
class SchedulerProperties {
    /** One real server's setup: weight, counters, OVERLOAD. */
    record Server(int weight, int active, int inactive, boolean overloaded) {
    }

    record Table(List<Server> servers, boolean classic) {
        KernelProfile profile() {
            return classic ? Bench.CLASSIC : Bench.NEW;
        }
    }

    @Provide
    Arbitrary<Table> tables() {
        Arbitrary<Server> server = Combinators.combine(
                Arbitraries.integers().between(0, 6).map(w -> w == 6 ? 100 : w),
                Arbitraries.integers().between(0, 8),
                Arbitraries.integers().between(0, 600),
                Arbitraries.integers().between(0, 5).map(x -> x == 0)).as(Server::new);
        return Combinators.combine(server.list().ofMinSize(0).ofMaxSize(10), Arbitraries.of(true, false)).as(Table::new);
    }

    /** Builds the table; servers are given in list order (first = newest). */
    private static Testbed build(Table t, String scheduler) {
        Testbed tb = Testbed.tcp(t.profile());
        tb.bind(Bench.provider(scheduler));
        for (int i = t.servers().size() - 1; i >= 0; i--) {
            Server s = t.servers().get(i);
            RealServer d = tb.add("10.1.0." + (i + 1) + ":80", s.weight());
            tb.setCounters(d, s.active(), s.inactive());
            tb.setOverloaded(d, s.overloaded());
        }
        return tb;
    }

    private static long overhead(Server s, boolean classic) {
        return 256L * s.active() + (classic ? s.inactive() : s.active() + s.inactive());
    }

    /** Index of the first eligible server minimising load/weight as an exact fraction, or -1. */
    private static int argMinRatio(Table t, ToLongFunction<Server> load) {
        int best = -1;
        for (int i = 0; i < t.servers().size(); i++) {
            Server s = t.servers().get(i);
            if (s.overloaded() || s.weight() == 0) {
                continue;
            }
            if (best < 0) {
                best = i;
                continue;
            }
            Server b = t.servers().get(best);
            // s/ws < b/wb  <=>  s*wb < b*ws (weights positive)
            if (load.applyAsLong(s) * b.weight() < load.applyAsLong(b) * s.weight()) {
                best = i;
            }
        }
        return best;
    }

    private static int index(Testbed tb) {
        RealServer d = tb.schedule("172.16.1.1", 10000);
        return d == null ? -1 : d.listIndex();
    }

    @Property
    void wlcPicksTheFirstEligibleServerWithTheSmallestOverheadPerWeight(@ForAll("tables") Table t) {
        assertThat(index(build(t, "wlc"))).isEqualTo(argMinRatio(t, s -> overhead(s, t.classic())));
    }

    @Property
    void lcPicksTheFirstEligibleServerWithTheSmallestOverhead(@ForAll("tables") Table t) {
        int expected = -1;
        for (int i = 0; i < t.servers().size(); i++) {
            Server s = t.servers().get(i);
            if (!s.overloaded() && s.weight() > 0
                    && (expected < 0 || overhead(s, t.classic()) < overhead(t.servers().get(expected), t.classic()))) {
                expected = i;
            }
        }
        assertThat(index(build(t, "lc"))).isEqualTo(expected);
    }

    @Property
    void sedPicksTheFirstEligibleServerWithTheSmallestActivePlusOnePerWeight(@ForAll("tables") Table t) {
        assertThat(index(build(t, "sed"))).isEqualTo(argMinRatio(t, s -> s.active() + 1L));
    }

    @Property
    void nqPicksTheFirstIdleEligibleServerElseAsSed(@ForAll("tables") Table t) {
        int idle = -1;
        for (int i = 0; i < t.servers().size() && idle < 0; i++) {
            Server s = t.servers().get(i);
            if (!s.overloaded() && s.weight() > 0 && s.active() == 0) {
                idle = i;
            }
        }
        assertThat(index(build(t, "nq"))).isEqualTo(idle >= 0 ? idle : argMinRatio(t, s -> s.active() + 1L));
    }

    @Property
    void foAndOvfPickTheFirstHighestWeightAmongTheirCandidates(@ForAll("tables") Table t) {
        int fo = firstMax(t, s -> !s.overloaded() && s.weight() > 0);
        int ovf = firstMax(t, s -> !s.overloaded() && s.weight() > 0 && s.active() <= s.weight());
        assertThat(index(build(t, "fo"))).isEqualTo(fo);
        assertThat(index(build(t, "ovf"))).isEqualTo(ovf);
    }

    private static int firstMax(Table t, java.util.function.Predicate<Server> candidate) {
        int best = -1;
        for (int i = 0; i < t.servers().size(); i++) {
            Server s = t.servers().get(i);
            if (candidate.test(s) && (best < 0 || s.weight() > t.servers().get(best).weight())) {
                best = i;
            }
        }
        return best;
    }

    @Property
    void rrGivesEveryEligibleServerOneTurnPerCycleWhateverTheHistory(@ForAll("tables") Table t,
            @ForAll @IntRange(min = 0, max = 15) int warmUp) {
        Testbed tb = build(t, "rr");
        for (int i = 0; i < warmUp; i++) {
            index(tb);
        }
        Set<Integer> eligible = new HashSet<>();
        for (int i = 0; i < t.servers().size(); i++) {
            if (!t.servers().get(i).overloaded() && t.servers().get(i).weight() > 0) {
                eligible.add(i);
            }
        }
        List<Integer> cycle = new ArrayList<>();
        for (int i = 0; i < eligible.size(); i++) {
            cycle.add(index(tb));
        }
        assertThat(new HashSet<>(cycle)).isEqualTo(eligible);
        if (eligible.isEmpty()) {
            assertThat(index(tb)).isEqualTo(-1);
        }
    }

    @Property
    void wrrFromAFreshInitGivesEachServerWeightOverGcdPicksPerCycle(@ForAll("tables") Table t) {
        Testbed tb = Testbed.tcp(t.profile());
        for (int i = t.servers().size() - 1; i >= 0; i--) {
            tb.add("10.1.0." + (i + 1) + ":80", t.servers().get(i).weight());
        }
        tb.bind(Bench.provider("wrr")); // init with the whole list: cw = mw
        int g = 0;
        int sum = 0;
        for (Server s : t.servers()) {
            if (s.weight() > 0) {
                g = WeightedRoundRobin.gcd(s.weight(), g == 0 ? s.weight() : g);
                sum += s.weight();
            }
        }
        int[] count = new int[t.servers().size()];
        int cycle = g == 0 ? 1 : sum / g;
        for (int i = 0; i < cycle; i++) {
            int k = index(tb);
            if (g == 0) {
                assertThat(k).isEqualTo(-1);
            } else {
                count[k]++;
            }
        }
        for (int i = 0; i < count.length; i++) {
            assertThat(count[i]).isEqualTo(g == 0 ? 0 : t.servers().get(i).weight() / g);
        }
    }

    @Property
    void twosGivesEachEligibleServerItsWeightInOutcomesAndTheFirstOneMore(@ForAll("tables") Table t) {
        Testbed tb = build(t, "twos");
        int total = 0;
        int first = -1;
        for (int i = 0; i < t.servers().size(); i++) {
            Server s = t.servers().get(i);
            if (!s.overloaded() && s.weight() > 0) {
                total += s.weight();
                if (first < 0) {
                    first = i;
                }
            }
        }
        int[] count = new int[t.servers().size()];
        for (int r = 0; r <= total; r++) {
            int draw = r;
            tb.random(bound -> draw); // r1 = r2 = r: both choices are the same server
            int k = index(tb);
            if (first < 0) {
                assertThat(k).isEqualTo(-1);
                return;
            }
            count[k]++;
        }
        for (int i = 0; i < count.length; i++) {
            Server s = t.servers().get(i);
            boolean eligible = !s.overloaded() && s.weight() > 0;
            assertThat(count[i]).isEqualTo(eligible ? s.weight() + (i == first ? 1 : 0) : 0);
        }
    }

    @Property
    void twosPrefersTheSecondChoiceOnlyWhenItIsStrictlyLessLoadedPerWeight(@ForAll("tables") Table t,
            @ForAll @IntRange(min = 0, max = 1000) int a, @ForAll @IntRange(min = 0, max = 1000) int b) {
        Testbed tb = build(t, "twos");
        List<Integer> eligible = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < t.servers().size(); i++) {
            Server s = t.servers().get(i);
            if (!s.overloaded() && s.weight() > 0) {
                eligible.add(i);
                total += s.weight();
            }
        }
        if (eligible.isEmpty()) {
            return;
        }
        int r1 = a % (total + 1);
        int r2 = b % (total + 1);
        int[] draws = {r1, r2};
        int[] next = {0};
        tb.random(bound -> draws[next[0]++]);
        int c1 = choice(t, eligible, r1);
        int c2 = choice(t, eligible, r2);
        Server s1 = t.servers().get(c1);
        Server s2 = t.servers().get(c2);
        long o1 = overhead(s1, t.classic());
        long o2 = overhead(s2, t.classic());
        int expected = s2.weight() * o1 > s1.weight() * o2 ? c2 : c1; // small values: no wrap here
        assertThat(index(tb)).isEqualTo(expected);
        assertThat(next[0]).isEqualTo(2);
    }

    /** The eligible server where the running weight sum first reaches r. */
    private static int choice(Table t, List<Integer> eligible, int r) {
        int sum = 0;
        for (int i : eligible) {
            sum += t.servers().get(i).weight();
            if (sum >= r) {
                return i;
            }
        }
        return eligible.stream().max(Comparator.naturalOrder()).orElseThrow();
    }
}
