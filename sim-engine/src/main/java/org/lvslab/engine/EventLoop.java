package org.lvslab.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * The deterministic discrete-event core: a simulated clock and a queue of timed events.
 *
 * <p><b>Time unit.</b> Simulated time is a {@code long} count of <em>nanoseconds</em> since the
 * start of the run, from 0 to {@link Long#MAX_VALUE}. The IPVS model converts to kernel jiffies at
 * its edge ({@code HZ} is a parameter of the model, not of the engine), so timers that the kernel
 * arms in jiffies land on exact jiffy boundaries here too.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>Time order.</b> No event runs before its time, and {@link #now()} never goes back.
 *       While a handler runs, {@code now()} is exactly the event's time.</li>
 *   <li><b>FIFO for equal times.</b> Events with the same time run in the order they were
 *       scheduled. A {@link #reschedule(long, long) rescheduled} event counts as scheduled at the
 *       moment of the reschedule, exactly as if it had been cancelled and scheduled again (even when
 *       its time does not change). An event scheduled by a handler for the current time runs in
 *       this same instant, after every event already queued for it.</li>
 *   <li><b>Determinism.</b> The order depends only on the sequence of calls: no hash order, no
 *       threads, no wall clock. Both {@link QueueKind}s give the identical order.</li>
 *   <li><b>Handles.</b> A handle names one scheduling of one event. Once that event has run (its
 *       handler has been entered) or has been cancelled, the handle is <em>stale</em> for ever:
 *       {@link #cancel} and {@link #reschedule} return false and do nothing, {@link #isPending}
 *       is false, {@link #timeOf} is -1. Slots are reused, so a handle carries a generation count;
 *       a slot whose generation is exhausted (2<sup>31</sup>-1 reuses) is retired instead of
 *       wrapping, so a stale handle can never alias a later event. Handles are always positive:
 *       {@link #NO_EVENT} (0) and negative values are never valid and are safe "no timer"
 *       markers.</li>
 *   <li><b>Inside handlers.</b> A handler may schedule, cancel and reschedule any event, including
 *       ones due at the current time; the running event itself is already stale (re-arm a periodic
 *       event by scheduling it again, see {@link PeriodicTask}). A handler must not call
 *       {@code run*} methods (that throws {@link IllegalStateException}).</li>
 *   <li><b>Failure.</b> Arguments are checked before anything changes: a time in the past, a
 *       negative delay or a null handler throw {@link IllegalArgumentException} or
 *       {@link NullPointerException} and leave the loop as it was. If a handler throws, the
 *       exception propagates out of the run; that event counts as executed and the loop stays
 *       consistent, so the caller may continue.</li>
 * </ul>
 *
 * <h2>Cost</h2>
 * Events live in parallel primitive arrays (no object per event) with a free list; the handler is
 * one shared object per event source and {@code kind}/{@code payload} tell events apart. Once the
 * arrays have grown to the peak number of pending events, scheduling, cancelling, rescheduling and
 * running allocate nothing. With the default {@link QueueKind#WHEEL} schedule, cancel and
 * reschedule are O(1) and running an event is amortised O(1) for timers spread in time; with
 * {@link QueueKind#HEAP} all four are O(log n). Memory: {@link #bytesPerSlot(QueueKind)} bytes per
 * slot (48 heap, 56 wheel) for the peak number of pending events. Figures: {@code docs/benchmarks.md}.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: one loop per simulation, driven by one thread. The single exception is
 * {@link #requestStop()}, which any thread may call (for example a Ctrl-C hook).
 */
public final class EventLoop {
    /** A value that is never a valid handle; use it to mean "no event scheduled". */
    public static final long NO_EVENT = 0L;

    private static final int NONE = -1;
    private static final int INITIAL_SLOTS = 64;

    private final QueueKind queueKind;
    private final EventQueue queue;
    private final int maxGeneration;

    private long now;
    private long seq;
    private long executed;
    private boolean running;
    private volatile boolean stopRequested;
    private StopReason lastStopReason;

    // by slot; a slot holds a pending event exactly when the queue contains it
    private int[] kind = new int[0];
    private long[] payload = new long[0];
    private EventHandler[] handler = new EventHandler[0];
    private int[] generation = new int[0];
    private int[] nextFree = new int[0];
    private int freeHead = NONE;
    private int slotsUsed;

    private EventObserver[] observers = new EventObserver[0];

    /** A loop on the default queue, {@link QueueKind#WHEEL}. */
    public EventLoop() {
        this(QueueKind.WHEEL);
    }

    public EventLoop(QueueKind queueKind) {
        this(queueKind, Integer.MAX_VALUE);
    }

    /** For tests: {@code maxGeneration} small makes slot retirement observable. */
    EventLoop(QueueKind queueKind, int maxGeneration) {
        this.queueKind = Objects.requireNonNull(queueKind, "queueKind");
        this.queue = switch (queueKind) {
            case HEAP -> new HeapQueue();
            case WHEEL -> new WheelQueue();
        };
        if (maxGeneration < 1) {
            throw new IllegalArgumentException("maxGeneration must be positive: " + maxGeneration);
        }
        this.maxGeneration = maxGeneration;
        growTo(INITIAL_SLOTS);
    }

    /**
     * Array bytes per event slot (the peak number of pending events), counting references as 4
     * bytes (compressed oops): 24 in the loop (kind, payload, handler, generation, free list) plus
     * the queue's own: 24 for {@link QueueKind#HEAP} and 32 for {@link QueueKind#WHEEL}. Arrays
     * double when full, so capacity can exceed the peak by up to 2x.
     */
    public static int bytesPerSlot(QueueKind kind) {
        int loop = 4 + 8 + 4 + 4 + 4;
        return loop + switch (kind) {
            case HEAP -> 4 + 8 + 8 + 4;       // position by slot; time, seq, slot by heap position
            case WHEEL -> 16 + 4 + 4 + 4 + 4; // time+seq, next, prev, bucket; ready-heap position
        };
    }

    public QueueKind queueKind() {
        return queueKind;
    }

    /** The current simulated time in nanoseconds. */
    public long now() {
        return now;
    }

    /** Number of events waiting to run. */
    public int pending() {
        return queue.size();
    }

    /** Number of events run so far (handlers entered), over the loop's life. */
    public long executed() {
        return executed;
    }

    /**
     * Schedules {@code handler.onEvent(kind, payload)} at absolute time {@code at}.
     *
     * @return a handle for {@link #cancel(long)} and {@link #reschedule(long, long)}; always positive
     * @throws IllegalArgumentException if {@code at} lies before {@link #now()}
     */
    public long schedule(long at, EventHandler handler, int kind, long payload) {
        checkTime(at);
        Objects.requireNonNull(handler, "handler");
        int slot = allocate();
        this.kind[slot] = kind;
        this.payload[slot] = payload;
        this.handler[slot] = handler;
        queue.add(slot, at, seq++);
        return ((long) generation[slot] << 32) | slot;
    }

    /** Schedules an event {@code delay} nanoseconds from now. */
    public long scheduleAfter(long delay, EventHandler handler, int kind, long payload) {
        return schedule(after(delay), handler, kind, payload);
    }

    /** Cancels a pending event. Returns false, changing nothing, if the handle is stale. */
    public boolean cancel(long handle) {
        int slot = liveSlot(handle);
        if (slot == NONE) {
            return false;
        }
        queue.remove(slot);
        release(slot);
        return true;
    }

    /**
     * Moves a pending event to time {@code at}, keeping its handle. For FIFO purposes the event
     * counts as scheduled now. Returns false, changing nothing, if the handle is stale.
     *
     * @throws IllegalArgumentException if {@code at} lies before {@link #now()} (checked first)
     */
    public boolean reschedule(long handle, long at) {
        checkTime(at);
        int slot = liveSlot(handle);
        if (slot == NONE) {
            return false;
        }
        queue.move(slot, at, seq++);
        return true;
    }

    /** {@link #reschedule(long, long)} to {@code delay} nanoseconds from now. */
    public boolean rescheduleAfter(long handle, long delay) {
        return reschedule(handle, after(delay));
    }

    /** Whether the handle names an event that has not run or been cancelled yet. */
    public boolean isPending(long handle) {
        return liveSlot(handle) != NONE;
    }

    /** The time a pending event is due, or -1 if the handle is stale. */
    public long timeOf(long handle) {
        int slot = liveSlot(handle);
        return slot == NONE ? -1 : queue.timeOf(slot);
    }

    /** Time of the next event, or {@link Long#MAX_VALUE} when the queue is empty. */
    public long nextTime() {
        return queue.minTime();
    }

    /** Runs the next event. Returns false if there was none. */
    public boolean runNext() {
        enter();
        try {
            return step();
        } finally {
            running = false;
        }
    }

    /** Runs events until the queue is empty or a stop is requested. */
    public void run() {
        run(StopCondition.never());
    }

    /**
     * Runs events until the queue is empty, {@code stop} says so (asked before each event) or
     * {@link #requestStop()} is called. The clock stays at the last event run;
     * {@link #lastStopReason()} says which of the three ended the run.
     */
    public void run(StopCondition stop) {
        Objects.requireNonNull(stop, "stop");
        enter();
        try {
            while (true) {
                if (honourStopRequest()) {
                    return;
                }
                if (queue.size() == 0) {
                    lastStopReason = StopReason.QUEUE_EMPTY;
                    return;
                }
                if (stop.shouldStop(this)) {
                    lastStopReason = StopReason.CONDITION;
                    return;
                }
                step();
            }
        } finally {
            running = false;
        }
    }

    /**
     * Runs every event due at or before {@code until}, including events those events schedule
     * within the window, then sets the clock to {@code until} ({@link #lastStopReason()} is
     * {@link StopReason#TIME_REACHED}). If a stop is requested first it returns with the clock at
     * the last event run ({@link StopReason#STOP_REQUESTED}).
     *
     * @throws IllegalArgumentException if {@code until} lies before {@link #now()}
     */
    public void runUntil(long until) {
        if (until < now) {
            throw new IllegalArgumentException("cannot run back to " + until + " ns from " + now + " ns");
        }
        enter();
        try {
            while (true) {
                if (honourStopRequest()) {
                    return;
                }
                // size first: an empty queue reports MAX_VALUE, which is not past until == MAX_VALUE
                if (queue.size() == 0 || queue.minTime() > until) {
                    break;
                }
                step();
            }
            now = until;
            lastStopReason = StopReason.TIME_REACHED;
        } finally {
            running = false;
        }
    }

    /** {@link #runUntil(long)} for {@code duration} nanoseconds from now. */
    public void runFor(long duration) {
        runUntil(after(duration));
    }

    /**
     * Why the last {@code run}, {@code runUntil} or {@code runFor} returned normally; null before
     * the first one (a run ended by a handler's exception leaves it unchanged).
     */
    public StopReason lastStopReason() {
        return lastStopReason;
    }

    /**
     * Makes the run in progress return after the event that is running now; if no run is in
     * progress, the next run returns at once without running anything. The request is used up by
     * the run that honours it. Safe to call from any thread.
     */
    public void requestStop() {
        stopRequested = true;
    }

    /** Whether a stop has been requested and not yet honoured. */
    public boolean isStopRequested() {
        return stopRequested;
    }

    /** Moves the clock forward without running anything; only allowed up to the next event. */
    public void advanceTo(long t) {
        long next = queue.minTime();
        if (t < now || t > next) {
            throw new IllegalArgumentException("cannot advance to " + t + " ns (now " + now + ", next event " + next + ")");
        }
        now = t;
    }

    /** Adds an observer; observers are called in the order they were added. */
    public void addObserver(EventObserver observer) {
        Objects.requireNonNull(observer, "observer");
        observers = Arrays.copyOf(observers, observers.length + 1);
        observers[observers.length - 1] = observer;
    }

    /** Removes the first registration of {@code observer}; returns false if it was not registered. */
    public boolean removeObserver(EventObserver observer) {
        for (int i = 0; i < observers.length; i++) {
            if (observers[i] == observer) {
                EventObserver[] rest = new EventObserver[observers.length - 1];
                System.arraycopy(observers, 0, rest, 0, i);
                System.arraycopy(observers, i + 1, rest, i, rest.length - i);
                observers = rest;
                return true;
            }
        }
        return false;
    }

    // ---- running -----------------------------------------------------------------------------

    /** Uses up a pending {@link #requestStop()}: the run that sees it ends with STOP_REQUESTED. */
    private boolean honourStopRequest() {
        if (!stopRequested) {
            return false;
        }
        stopRequested = false;
        lastStopReason = StopReason.STOP_REQUESTED;
        return true;
    }

    private void enter() {
        if (running) {
            throw new IllegalStateException("an event handler cannot run the event loop (re-entrant run)");
        }
        running = true;
    }

    private boolean step() {
        long t = queue.minTime();
        int slot = queue.poll();
        if (slot == NONE) {
            return false;
        }
        EventHandler h = handler[slot];
        int k = kind[slot];
        long p = payload[slot];
        release(slot); // the handle is stale from here on, also inside the handler
        now = t;
        executed++;
        EventObserver[] obs = observers;
        for (EventObserver o : obs) {
            o.beforeEvent(t, h, k, p);
        }
        h.onEvent(k, p);
        for (EventObserver o : obs) {
            o.afterEvent(t, h, k, p);
        }
        return true;
    }

    private void checkTime(long at) {
        if (at < now) {
            throw new IllegalArgumentException("event at " + at + " ns is before now (" + now + " ns)");
        }
    }

    private long after(long delay) {
        if (delay < 0) {
            throw new IllegalArgumentException("negative delay: " + delay + " ns");
        }
        long at = now + delay;
        if (at < 0) {
            throw new IllegalArgumentException("delay " + delay + " ns from " + now + " ns overflows the clock");
        }
        return at;
    }

    // ---- slots -------------------------------------------------------------------------------

    private int liveSlot(long handle) {
        int slot = (int) handle;
        if (slot < 0 || slot >= slotsUsed || handle <= 0) {
            return NONE;
        }
        // queue membership rather than handler[slot]: the queue's own data is touched next anyway
        if (generation[slot] != (int) (handle >>> 32) || !queue.contains(slot)) {
            return NONE;
        }
        return slot;
    }

    private int allocate() {
        int slot = freeHead;
        if (slot != NONE) {
            freeHead = nextFree[slot];
            return slot;
        }
        if (slotsUsed == handler.length) {
            growTo(handler.length * 2);
        }
        slot = slotsUsed++;
        generation[slot] = 1;
        return slot;
    }

    private void release(int slot) {
        handler[slot] = null;
        if (generation[slot] == maxGeneration) {
            return; // retired: every handle this slot could issue has been used
        }
        generation[slot]++;
        nextFree[slot] = freeHead;
        freeHead = slot;
    }

    private void growTo(int n) {
        kind = Arrays.copyOf(kind, n);
        payload = Arrays.copyOf(payload, n);
        handler = Arrays.copyOf(handler, n);
        generation = Arrays.copyOf(generation, n);
        nextFree = Arrays.copyOf(nextFree, n);
        queue.ensureSlots(n);
    }

    /** Test hook: slots ever taken from the arrays (grows only when none is free or reusable). */
    int slotsUsed() {
        return slotsUsed;
    }

    /** Test hook: the queue structure's own invariants. */
    boolean queueInvariantsHold() {
        return switch (queue) {
            case HeapQueue h -> h.invariantsHold();
            case WheelQueue w -> w.invariantsHold();
        };
    }
}
