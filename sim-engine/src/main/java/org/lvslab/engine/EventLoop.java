package org.lvslab.engine;

import java.util.Arrays;

/**
 * The deterministic discrete-event core: a simulated clock and a queue of timed events.
 *
 * <p><b>Time unit.</b> Simulated time is a {@code long} count of <em>nanoseconds</em> since the
 * start of the run. The IPVS model converts to kernel jiffies at its edge ({@code HZ} is a
 * parameter of the model, not of the engine), so timers that the kernel arms in jiffies land on
 * exact jiffy boundaries here too.
 *
 * <p><b>Order.</b> Events run in time order; events with the same time run in the order they were
 * scheduled (FIFO), whatever else happened in between. Nothing depends on hash order, threads or
 * the wall clock, so the same inputs always give the same sequence of events.
 *
 * <p><b>Cost.</b> Events live in parallel primitive arrays with a free list, ordered by an indexed
 * binary heap. Scheduling, cancelling and rescheduling are O(log n) and allocation-free once the
 * arrays have grown to the peak number of pending events. A handle is the slot index plus a
 * generation count, so a stale handle (event already run or cancelled) is recognised and ignored.
 *
 * <p>Not thread-safe: one loop per simulation, driven by one thread.
 */
public final class EventLoop {
    private static final int NONE = -1;

    private long now;
    private long seq;

    // per slot
    private long[] time = new long[64];
    private long[] order = new long[64];
    private int[] kind = new int[64];
    private long[] payload = new long[64];
    private EventHandler[] handler = new EventHandler[64];
    private int[] generation = new int[64];
    private int[] heapPos = new int[64];   // NONE when free
    private int[] nextFree = new int[64];
    private int freeHead = NONE;
    private int slotsUsed;

    // heap of slot indices
    private int[] heap = new int[64];
    private int size;

    private EventObserver[] observers = new EventObserver[0];
    private long executed;

    /** The current simulated time in nanoseconds. */
    public long now() {
        return now;
    }

    /** Number of events waiting to run. */
    public int pending() {
        return size;
    }

    /** Number of events run so far. */
    public long executed() {
        return executed;
    }

    /**
     * Schedules {@code handler.onEvent(kind, payload)} at absolute time {@code at}.
     *
     * @return a handle for {@link #cancel(long)} and {@link #reschedule(long, long)}
     * @throws IllegalArgumentException if {@code at} lies in the past
     */
    public long schedule(long at, EventHandler handler, int kind, long payload) {
        if (at < now) {
            throw new IllegalArgumentException("event at " + at + " ns is before now (" + now + " ns)");
        }
        int slot = allocate();
        this.time[slot] = at;
        this.order[slot] = seq++;
        this.kind[slot] = kind;
        this.payload[slot] = payload;
        this.handler[slot] = handler;
        push(slot);
        return handle(slot);
    }

    /** Schedules an event {@code delay} nanoseconds from now. */
    public long scheduleAfter(long delay, EventHandler handler, int kind, long payload) {
        return schedule(now + delay, handler, kind, payload);
    }

    /** Cancels a pending event. Returns false if it already ran or was cancelled. */
    public boolean cancel(long handle) {
        int slot = liveSlot(handle);
        if (slot == NONE) {
            return false;
        }
        removeAt(heapPos[slot]);
        release(slot);
        return true;
    }

    /**
     * Moves a pending event to a new time, keeping its handle. The event then counts as scheduled
     * now for FIFO purposes (as if cancelled and scheduled again). Returns false if the handle is
     * stale.
     */
    public boolean reschedule(long handle, long at) {
        int slot = liveSlot(handle);
        if (slot == NONE) {
            return false;
        }
        if (at < now) {
            throw new IllegalArgumentException("event at " + at + " ns is before now (" + now + " ns)");
        }
        time[slot] = at;
        order[slot] = seq++;
        int pos = heapPos[slot];
        siftDown(pos);
        siftUp(heapPos[slot]);
        return true;
    }

    /** Whether the handle names an event that has not run or been cancelled yet. */
    public boolean isPending(long handle) {
        return liveSlot(handle) != NONE;
    }

    /** The time a pending event is due, or -1 if the handle is stale. */
    public long timeOf(long handle) {
        int slot = liveSlot(handle);
        return slot == NONE ? -1 : time[slot];
    }

    /** Time of the next event, or {@link Long#MAX_VALUE} when the queue is empty. */
    public long nextTime() {
        return size == 0 ? Long.MAX_VALUE : time[heap[0]];
    }

    /** Runs the next event. Returns false if there was none. */
    public boolean runNext() {
        if (size == 0) {
            return false;
        }
        int slot = heap[0];
        removeAt(0);
        long t = time[slot];
        EventHandler h = handler[slot];
        int k = kind[slot];
        long p = payload[slot];
        release(slot);
        now = t;
        executed++;
        for (EventObserver o : observers) {
            o.beforeEvent(t, h, k, p);
        }
        h.onEvent(k, p);
        return true;
    }

    /**
     * Runs every event due at or before {@code until} (including events those events schedule
     * within the window), then sets the clock to {@code until}.
     */
    public void runUntil(long until) {
        if (until < now) {
            throw new IllegalArgumentException("cannot run back to " + until + " ns from " + now + " ns");
        }
        while (size > 0 && time[heap[0]] <= until) {
            runNext();
        }
        now = until;
    }

    /** Runs events until the queue is empty or {@code stop} says so (checked before each event). */
    public void run(StopCondition stop) {
        while (size > 0 && !stop.shouldStop(this)) {
            runNext();
        }
    }

    /** Moves the clock forward without running anything; only allowed up to the next event. */
    public void advanceTo(long t) {
        if (t < now || t > nextTime()) {
            throw new IllegalArgumentException("cannot advance to " + t + " ns (now " + now + ", next event " + nextTime() + ")");
        }
        now = t;
    }

    public void addObserver(EventObserver observer) {
        observers = Arrays.copyOf(observers, observers.length + 1);
        observers[observers.length - 1] = observer;
    }

    // ---- slots -------------------------------------------------------------------------------

    private long handle(int slot) {
        return ((long) generation[slot] << 32) | slot;
    }

    private int liveSlot(long handle) {
        int slot = (int) handle;
        if (slot < 0 || slot >= slotsUsed) {
            return NONE;
        }
        if (generation[slot] != (int) (handle >>> 32) || heapPos[slot] == NONE) {
            return NONE;
        }
        return slot;
    }

    private int allocate() {
        int slot;
        if (freeHead != NONE) {
            slot = freeHead;
            freeHead = nextFree[slot];
        } else {
            if (slotsUsed == time.length) {
                grow();
            }
            slot = slotsUsed++;
        }
        return slot;
    }

    private void release(int slot) {
        heapPos[slot] = NONE;
        handler[slot] = null;
        generation[slot]++;
        nextFree[slot] = freeHead;
        freeHead = slot;
    }

    private void grow() {
        int n = time.length * 2;
        time = Arrays.copyOf(time, n);
        order = Arrays.copyOf(order, n);
        kind = Arrays.copyOf(kind, n);
        payload = Arrays.copyOf(payload, n);
        handler = Arrays.copyOf(handler, n);
        generation = Arrays.copyOf(generation, n);
        heapPos = Arrays.copyOf(heapPos, n);
        nextFree = Arrays.copyOf(nextFree, n);
        heap = Arrays.copyOf(heap, n);
    }

    // ---- heap --------------------------------------------------------------------------------

    private boolean less(int a, int b) {
        long ta = time[a], tb = time[b];
        return ta < tb || (ta == tb && order[a] < order[b]);
    }

    private void push(int slot) {
        heap[size] = slot;
        heapPos[slot] = size;
        size++;
        siftUp(size - 1);
    }

    private void removeAt(int pos) {
        int last = heap[--size];
        if (pos == size) {
            return;
        }
        heap[pos] = last;
        heapPos[last] = pos;
        siftDown(pos);
        siftUp(heapPos[last]);
    }

    private void siftUp(int pos) {
        int slot = heap[pos];
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            int p = heap[parent];
            if (!less(slot, p)) {
                break;
            }
            heap[pos] = p;
            heapPos[p] = pos;
            pos = parent;
        }
        heap[pos] = slot;
        heapPos[slot] = pos;
    }

    private void siftDown(int pos) {
        int slot = heap[pos];
        int half = size >>> 1;
        while (pos < half) {
            int child = 2 * pos + 1;
            int c = heap[child];
            int right = child + 1;
            if (right < size && less(heap[right], c)) {
                child = right;
                c = heap[child];
            }
            if (!less(c, slot)) {
                break;
            }
            heap[pos] = c;
            heapPos[c] = pos;
            pos = child;
        }
        heap[pos] = slot;
        heapPos[slot] = pos;
    }
}
