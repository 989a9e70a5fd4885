package org.lvslab.workloads;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Connections a reader has started but may not hand out yet, ordered by start time (then by
 * arrival). Readers whose input is ordered by something else (logs are written when a request
 * ends, captures close flows out of start order) open an entry when a connection starts, fill
 * it, mark it closed, and take entries out in start order once no earlier connection can still
 * appear. Entries are pooled, so steady-state streaming allocates none.
 *
 * <p>Memory bound: one long-lived connection would hold back every later one. A reader calls
 * {@link #overLimit} and, while it is true, {@link #releaseOldestOpen} hands the oldest open
 * entry out early (the reader forgets its key first, and reports its duration as unknown).
 */
public final class PendingConnections {
    /** One pending connection: the record being built plus reader bookkeeping. */
    public static final class Entry {
        public final ConnectionRecord record = new ConnectionRecord();
        /** Absolute start, in the reader's clock (ns). */
        public long startNs;
        /** Absolute time of the last activity seen (ns). */
        public long lastNs;
        public boolean closed;
        /** Free for the reader (a line number, flags, FIN bits...). */
        public long aux;
        public long aux2;
        /** The reader's lookup key for this entry, so it can forget it on early release. */
        public Object key;
        /** Handed out before it ended, because too many connections were waiting behind it. */
        public boolean releasedEarly;
        long seq;
        int heapIndex = -1;
    }

    private Entry[] heap = new Entry[64];
    private int size;
    private long seq;
    private final ArrayDeque<Entry> free = new ArrayDeque<>();
    private long lastPolledStart = Long.MIN_VALUE;

    /** A new entry starting at {@code startNs} (absolute); its record is cleared. */
    public Entry open(long startNs) {
        Entry e = free.poll();
        if (e == null) {
            e = new Entry();
        }
        e.record.clear();
        e.startNs = startNs;
        e.lastNs = startNs;
        e.closed = false;
        e.aux = 0;
        e.aux2 = 0;
        e.key = null;
        e.releasedEarly = false;
        e.seq = seq++;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = e;
        e.heapIndex = size;
        size++;
        siftUp(e.heapIndex);
        return e;
    }

    /** Moves an entry's start earlier (a later-logged request on the same connection began before). */
    public void startEarlier(Entry e, long startNs) {
        if (startNs < e.startNs) {
            e.startNs = startNs;
            siftUp(e.heapIndex);
        }
    }

    /** The earliest pending entry, or null. */
    public Entry peek() {
        return size == 0 ? null : heap[0];
    }

    public int size() {
        return size;
    }

    /** Start of the last entry handed out by {@link #poll}, or Long.MIN_VALUE. */
    public long lastPolledStart() {
        return lastPolledStart;
    }

    /**
     * Removes and returns the earliest entry if it is closed and started at or before
     * {@code safeUpToNs}; the caller copies its record and then calls {@link #recycle}.
     */
    public Entry poll(long safeUpToNs) {
        if (size == 0) {
            return null;
        }
        Entry top = heap[0];
        if (!top.closed || top.startNs > safeUpToNs) {
            return null;
        }
        removeTop();
        lastPolledStart = top.startNs;
        return top;
    }

    /** Whether more than {@code limit} entries wait and the oldest is still open. */
    public boolean overLimit(int limit) {
        return size > limit && !heap[0].closed;
    }

    /**
     * Marks the oldest entry (which is open) as closed and released early and returns it, so
     * the reader can drop it from its own lookup (by {@link Entry#key}).
     */
    public Entry releaseOldestOpen() {
        Entry top = heap[0];
        top.closed = true;
        top.releasedEarly = true;
        return top;
    }

    public void recycle(Entry e) {
        e.key = null;
        if (free.size() < 4096) {
            free.push(e);
        }
    }

    private void removeTop() {
        Entry top = heap[0];
        top.heapIndex = -1;
        size--;
        if (size > 0) {
            heap[0] = heap[size];
            heap[0].heapIndex = 0;
            siftDown(0);
        }
        heap[size] = null;
    }

    private static boolean less(Entry a, Entry b) {
        return a.startNs < b.startNs || (a.startNs == b.startNs && a.seq < b.seq);
    }

    private void siftUp(int i) {
        Entry e = heap[i];
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!less(e, heap[p])) {
                break;
            }
            heap[i] = heap[p];
            heap[i].heapIndex = i;
            i = p;
        }
        heap[i] = e;
        e.heapIndex = i;
    }

    private void siftDown(int i) {
        Entry e = heap[i];
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                break;
            }
            int c = l + 1 < size && less(heap[l + 1], heap[l]) ? l + 1 : l;
            if (!less(heap[c], e)) {
                break;
            }
            heap[i] = heap[c];
            heap[i].heapIndex = i;
            i = c;
        }
        heap[i] = e;
        e.heapIndex = i;
    }
}
