package org.lvslab.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
