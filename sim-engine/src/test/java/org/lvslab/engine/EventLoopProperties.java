package org.lvslab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both queue kinds behave exactly like {@link ReferenceEventLoop} under random scripts of
 * schedule, cancel (of live and stale handles), reschedule, single steps and timed runs, including
 * events that schedule, cancel and reschedule other events while they run.
 */
class EventLoopProperties {

    /** The same operations applied to the real loop and to the reference, with one shared trace each. */
    private static final class Pair {
        final EventLoop real;
        final ReferenceEventLoop ref = new ReferenceEventLoop();
        final List<String> realTrace = new ArrayList<>();
        final List<String> refTrace = new ArrayList<>();
        final int maxIds;
        final long[] handles;
        int ids;
        final EventHandler handler;

        Pair(QueueKind kind, int maxIds) {
            this.real = new EventLoop(kind);
            this.maxIds = maxIds;
            this.handles = new long[maxIds];
            this.handler = (k, id) -> {
                realTrace.add("run " + real.now() + " #" + id);
                react(true, (int) id);
                runRefOne(true); // the reference replays the same event right away
            };
        }

        long now() {
            return ref.now();
        }

        void schedule(long at) {
            if (ids == maxIds) {
                return;
            }
            int id = ids++;
            handles[id] = real.schedule(at, handler, 0, id);
            ref.schedule(at, id);
        }

        /** Reaction of event {@code id} when it runs; {@code inReal} says which side is running it. */
        void react(boolean inReal, int id) {
            long r = mix(id);
            long nowSide = inReal ? real.now() : ref.now();
            int target = ids == 0 ? 0 : (int) Long.remainderUnsigned(r >>> 16, ids);
            long at = nowSide + delta(r >>> 24, nowSide);
            switch ((int) Long.remainderUnsigned(r, 5)) {
                case 0, 1 -> {
                    // spawn a child: only the side that runs first allocates the id, the other reuses it
                    if (inReal) {
                        if (ids < maxIds) {
                            int child = ids++;
                            handles[child] = real.schedule(at, handler, 0, child);
                            pendingChild = child;
                        } else {
                            pendingChild = -1;
                        }
                    } else if (pendingChildRef >= 0) {
                        ref.schedule(at, pendingChildRef);
                    }
                }
                case 2 -> {
                    boolean res = inReal ? real.cancel(handles[target]) : ref.cancel(target);
                    (inReal ? realTrace : refTrace).add("  cancel #" + target + " " + res);
                }
                case 3 -> {
                    boolean res = inReal ? real.reschedule(handles[target], at) : ref.reschedule(target, at);
                    (inReal ? realTrace : refTrace).add("  reschedule #" + target + " " + at + " " + res);
                }
                default -> { }
            }
        }

        int pendingChild = -1;
        int pendingChildRef = -1;

        void runNextBoth() {
            if (!real.runNext()) {
                runRefOne(false);
            }
        }

        private void runRefOne(boolean expected) {
            int id = ref.pollAndAdvance();
            assertThat(id >= 0).as("reference has an event iff the real loop had one").isEqualTo(expected);
            if (id >= 0) {
                refTrace.add("run " + ref.now() + " #" + id);
                pendingChildRef = pendingChild;
                react(false, id);
            }
        }

        /** Compares traces since the last check, clock, queue size and head; every handle if {@code full}. */
        void check(boolean full) {
            assertThat(realTrace).isEqualTo(refTrace);
            realTrace.clear();
            refTrace.clear();
            assertThat(real.now()).isEqualTo(ref.now());
            assertThat(real.pending()).isEqualTo(ref.pending());
            assertThat(real.nextTime()).isEqualTo(ref.nextTime());
            if (full) {
                for (int id = 0; id < ids; id++) {
                    if (real.isPending(handles[id]) != ref.isPending(id) || real.timeOf(handles[id]) != ref.timeOf(id)) {
                        throw new AssertionError("#" + id + ": real pending=" + real.isPending(handles[id]) + " at "
                                + real.timeOf(handles[id]) + ", reference pending=" + ref.isPending(id) + " at " + ref.timeOf(id));
                    }
                }
                assertThat(real.queueInvariantsHold()).isTrue();
            }
        }
    }

    private static long mix(long x) {
        return new RandomStream(x * 0x9E3779B97F4A7C15L).nextLong();
    }

    /** Delays that hit every case: same instant, nanoseconds, one wheel tick, and every magnitude up to 2^61. */
    static long delta(long bits, long now) {
        long d = switch ((int) (bits & 3)) {
            case 0 -> 0;
            case 1 -> (bits >>> 2) % 8;
            case 2 -> (bits >>> 2) % (3L << WheelQueue.TICK_BITS);
            default -> (1L << ((bits >>> 2) % 62)) + (bits >>> 8) % 1_000;
        };
        return Math.min(d, Long.MAX_VALUE - now);
    }

    /**
     * Runs one step of a script on both sides. Each event the real loop runs (by runNext or
     * runUntil) is replayed on the reference from inside the real handler, after the real side
     * has reacted, so the child ids the real side allocated are known to the reference.
     */
    private static void apply(Pair p, long op, boolean fullCheck) {
        long bits = op >>> 3;
        switch ((int) (op & 7)) {
            case 0, 1, 2 -> p.schedule(p.now() + delta(bits, p.now()));
            case 3 -> {
                if (p.ids > 0) {
                    int id = (int) Long.remainderUnsigned(bits, p.ids);
                    p.realTrace.add("cancel #" + id + " " + p.real.cancel(p.handles[id]));
                    p.refTrace.add("cancel #" + id + " " + p.ref.cancel(id));
                }
            }
            case 4 -> {
                if (p.ids > 0) {
                    int id = (int) Long.remainderUnsigned(bits, p.ids);
                    long at = p.now() + delta(bits >>> 12, p.now());
                    p.realTrace.add("reschedule #" + id + " " + at + " " + p.real.reschedule(p.handles[id], at));
                    p.refTrace.add("reschedule #" + id + " " + at + " " + p.ref.reschedule(id, at));
                }
            }
            case 5, 6 -> p.runNextBoth();
            default -> {
                // at most ~275 s at a time, so the clock does not reach the end of time after a few runs
                long until = p.now() + Math.min(delta(bits, p.now()), 1L << 38);
                p.real.runUntil(until);
                p.ref.setNow(until);
                assertThat(p.ref.pending() == 0 || p.ref.nextTime() > until).as("everything due has run").isTrue();
            }
        }
        p.check(fullCheck);
    }

    @Property(tries = 300)
    void bothQueueKindsMatchTheReferenceModel(@ForAll @Size(max = 250) List<Long> script, @ForAll QueueKind kind) {
        Pair p = new Pair(kind, 3_000);
        for (long op : script) {
            apply(p, op, true);
        }
        while (p.real.pending() > 0) {
            p.runNextBoth();
            p.check(true);
        }
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void aLongRandomScriptMatchesTheReferenceModel(QueueKind kind) {
        RandomStream rnd = new RandomStream(20_261_201L);
        Pair p = new Pair(kind, 40_000);
        for (int i = 0; i < 120_000; i++) {
            long op = rnd.nextLong();
            // timed runs (op 7) only one time in three, so the queue stays busy
            apply(p, (op & 7) == 7 && i % 3 != 0 ? op & ~7L : op, i % 5_000 == 0);
        }
        while (p.real.pending() > 0) {
            p.runNextBoth();
        }
        p.check(true);
        assertThat(p.real.executed()).isGreaterThan(20_000);
    }
}
