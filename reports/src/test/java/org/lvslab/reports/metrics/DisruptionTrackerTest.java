package org.lvslab.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lvslab.reports.AdminMark;

class DisruptionTrackerTest {
    @Test
    void countsWatchedClientsWhoseNextConnectionMovesToAnotherServer() {
        DisruptionTracker t = new DisruptionTracker();
        t.opened(1, 0);
        t.opened(2, 1);
        t.opened(3, 2);
        t.opened(4, 0);
        t.closed(4); // client 4 has nothing open at the event: not watched
        t.event(100, "drain rs0");
        t.opened(1, 1); // moved
        t.opened(2, 1); // stayed
        t.opened(1, 2); // only the first connection after the event counts
        t.opened(4, 2); // not watched
        List<AdminMark> marks = t.finish();
        assertThat(marks).containsExactly(new AdminMark(100, "drain rs0", 3, 2, 1));
        assertThat(marks.get(0).disruption()).isEqualTo(0.5);
    }

    @Test
    void eachEventWatchesOnlyUntilTheNextOne() {
        DisruptionTracker t = new DisruptionTracker();
        t.opened(7, 0);
        t.event(10, "a");
        t.event(20, "b");
        t.opened(7, 1);
        assertThat(t.finish()).containsExactly(new AdminMark(10, "a", 1, 0, 0), new AdminMark(20, "b", 1, 1, 1));
    }

    @Test
    void keepsStateForManyClientsAcrossTableGrowth() {
        DisruptionTracker t = new DisruptionTracker();
        for (long c = 0; c < 10_000; c++) {
            t.opened(c * 7919, (int) (c % 4));
        }
        t.event(1, "x");
        for (long c = 0; c < 10_000; c++) {
            t.opened(c * 7919, c % 2 == 0 ? (int) (c % 4) : 9);
        }
        AdminMark m = t.finish().get(0);
        assertThat(t.clients()).isEqualTo(10_000);
        assertThat(m.activeClients()).isEqualTo(10_000);
        assertThat(m.remapped()).isEqualTo(5_000);
    }

    @Test
    void aWatchedClientThatClosedEverythingIsStillSettledByItsNextConnection() {
        DisruptionTracker t = new DisruptionTracker();
        t.opened(5, 0);
        t.event(10, "drain rs0");
        t.closed(5);   // gone quiet, but still watched by this event
        t.opened(5, 1);
        assertThat(t.finish()).containsExactly(new AdminMark(10, "drain rs0", 1, 1, 1));
    }

    @Test
    void clientsWithNothingOpenAreForgottenSoMemoryFollowsTheActivePopulation() {
        DisruptionTracker t = new DisruptionTracker();
        // a million distinct clients, never more than 100 open at once
        for (long c = 0; c < 1_000_000; c++) {
            t.opened(c, (int) (c % 7));
            if (c >= 100) {
                t.closed(c - 100);
            }
        }
        assertThat(t.clients()).isEqualTo(100);
        assertThat(t.peakClients()).isEqualTo(101);
    }

    @Test
    void leftoversOfAClosedWindowAreNeitherActiveNorObservedAtTheNextEvent() {
        DisruptionTracker t = new DisruptionTracker();
        t.opened(1, 0);
        t.opened(2, 0);
        t.event(10, "a");
        t.closed(1);   // watched by "a", never comes back within a's window
        t.event(20, "b");
        t.opened(1, 3);   // not watched by "b": it had nothing open at 20
        assertThat(t.finish()).containsExactly(new AdminMark(10, "a", 2, 0, 0), new AdminMark(20, "b", 1, 0, 0));
        assertThat(t.clients()).isEqualTo(2);
    }

    @Test
    void agreesWithAModelThatRemembersEveryClientOnRandomTraffic() {
        SplittableRandom rnd = new SplittableRandom(42);
        DisruptionTracker t = new DisruptionTracker();
        Reference ref = new Reference();
        List<Long> open = new ArrayList<>();
        for (int step = 0; step < 200_000; step++) {
            int op = rnd.nextInt(100);
            if (op == 0 && step % 7 == 0) {
                t.event(step, "e" + step);
                ref.event(step, "e" + step);
            } else if (op < 55 || open.isEmpty()) {
                long client = rnd.nextInt(5_000) * 0x10001L;
                int server = rnd.nextInt(6);
                t.opened(client, server);
                ref.opened(client, server);
                open.add(client);
            } else {
                long client = open.remove(rnd.nextInt(open.size()));
                t.closed(client);
                ref.closed(client);
            }
        }
        List<AdminMark> expected = ref.finish();
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(t.finish()).isEqualTo(expected);
        assertThat(t.peakClients()).isLessThan(5_000);
    }

    /** The definition, written plainly: every client ever seen stays in a map. */
    private static final class Reference {
        private final Map<Long, int[]> state = new HashMap<>(); // {live, lastServer, watchedBy, watchedServer}
        private final List<AdminMark> marks = new ArrayList<>();
        private int event = -1;
        private long time;
        private String label;
        private int active;
        private int observed;
        private int remapped;

        void opened(long c, int server) {
            int[] s = state.computeIfAbsent(c, k -> new int[] {0, 0, -1, 0});
            if (event >= 0 && s[2] == event) {
                observed++;
                remapped += s[3] != server ? 1 : 0;
                s[2] = -1;
            }
            s[0]++;
            s[1] = server;
        }

        void closed(long c) {
            int[] s = state.get(c);
            if (s != null && s[0] > 0) {
                s[0]--;
            }
        }

        void event(long t, String l) {
            close();
            event = marks.size() + 1;
            time = t;
            label = l;
            active = observed = remapped = 0;
            for (int[] s : state.values()) {
                if (s[0] > 0) {
                    s[2] = event;
                    s[3] = s[1];
                    active++;
                }
            }
        }

        List<AdminMark> finish() {
            close();
            return marks;
        }

        private void close() {
            if (label != null) {
                marks.add(new AdminMark(time, label, active, observed, remapped));
                label = null;
            }
            event = -1;
        }
    }
}
