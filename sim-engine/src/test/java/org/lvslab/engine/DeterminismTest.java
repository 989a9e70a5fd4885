package org.lvslab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same seed gives the same sequence of events, whichever queue kind runs it. The workload is a
 * small connection model: packets arrive at exponential intervals, each packet re-arms its
 * connection's expiry timer (or opens the connection), some packets close it (cancel), and expiry
 * events free the connection.
 */
class DeterminismTest {
    private static final int CONNECTIONS = 500;
    private static final int PACKET = 1, EXPIRY = 2;

    private static List<String> trace(long seed, QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        RandomStream rnd = new RandomStreams(seed).stream("workload");
        long[] timer = new long[CONNECTIONS];
        List<String> trace = new ArrayList<>();
        loop.addObserver((time, h, k, p) -> trace.add(time + " " + k + " " + p));
        EventHandler model = new EventHandler() {
            @Override
            public void onEvent(int k, long p) {
                if (k == EXPIRY) {
                    timer[(int) p] = EventLoop.NO_EVENT;
                    return;
                }
                int c = rnd.nextInt(CONNECTIONS);
                int action = rnd.nextInt(10);
                if (action == 0) {
                    loop.cancel(timer[c]); // stale or NO_EVENT handles must be harmless
                    timer[c] = EventLoop.NO_EVENT;
                } else if (!loop.rescheduleAfter(timer[c], 2_000_000_000L + rnd.nextInt(4) * 4_000_000L)) {
                    timer[c] = loop.scheduleAfter(2_000_000_000L, this, EXPIRY, c);
                }
                loop.scheduleAfter((long) rnd.nextExponential(1_000_000), this, PACKET, p + 1);
            }
        };
        loop.schedule(0, model, PACKET, 0);
        loop.runUntil(20_000_000_000L);
        return trace;
    }

    @Test
    void theSameSeedGivesTheSameEventSequence() {
        List<String> first = trace(42, QueueKind.WHEEL);
        assertThat(first.size()).isGreaterThan(20_000);
        assertThat(first).anyMatch(line -> line.contains(" " + EXPIRY + " "));
        assertThat(trace(42, QueueKind.WHEEL)).isEqualTo(first);
    }

    @Test
    void bothQueueKindsGiveTheSameEventSequence() {
        assertThat(trace(7, QueueKind.HEAP)).isEqualTo(trace(7, QueueKind.WHEEL));
    }

    @Test
    void aDifferentSeedGivesADifferentSequence() {
        assertThat(trace(43, QueueKind.WHEEL)).isNotEqualTo(trace(42, QueueKind.WHEEL));
    }
}
