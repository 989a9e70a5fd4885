package org.lvslab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EventLoopTest {
    @Test
    void eventsAtTheSameTimeRunInTheOrderTheyWereScheduled() {
        EventLoop loop = new EventLoop();
        List<Long> seen = new ArrayList<>();
        EventHandler h = (k, p) -> seen.add(p);
        loop.schedule(10, h, 0, 1);
        loop.schedule(5, h, 0, 2);
        loop.schedule(10, h, 0, 3);
        loop.schedule(10, h, 0, 4);
        loop.runUntil(100);
        assertThat(seen).containsExactly(2L, 1L, 3L, 4L);
    }

    @Property
    void noEventRunsBeforeItsTimeAndTimeNeverGoesBack(@ForAll @Size(max = 200) List<@LongRange(min = 0, max = 1000) Long> times) {
        EventLoop loop = new EventLoop();
        long[] last = {-1};
        EventHandler h = (k, due) -> {
            assertThat(loop.now()).isEqualTo(due);
            assertThat(loop.now()).isGreaterThanOrEqualTo(last[0]);
            last[0] = loop.now();
        };
        for (long t : times) {
            loop.schedule(t, h, 0, t);
        }
        loop.runUntil(1000);
        assertThat(loop.executed()).isEqualTo(times.size());
    }
}
