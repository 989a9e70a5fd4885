package org.lvslab.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The obviously-correct model the real {@link EventLoop} is checked against: a TreeMap ordered by
 * (time, scheduling sequence number). Slow, allocating, and simple enough to trust.
 */
final class ReferenceEventLoop {
    private record Key(long time, long seq) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final TreeMap<Key, Integer> queue = new TreeMap<>();
    private final Map<Integer, Key> keyOf = new HashMap<>();
    private long now;
    private long seq;

    long now() {
        return now;
    }

    int pending() {
        return queue.size();
    }

    long nextTime() {
        return queue.isEmpty() ? Long.MAX_VALUE : queue.firstKey().time();
    }

    void schedule(long at, int id) {
        Key k = new Key(at, seq++);
        queue.put(k, id);
        keyOf.put(id, k);
    }

    boolean cancel(int id) {
        Key k = keyOf.remove(id);
        return k != null && queue.remove(k) != null;
    }

    boolean reschedule(int id, long at) {
        if (!cancel(id)) {
            return false;
        }
        schedule(at, id);
        return true;
    }

    boolean isPending(int id) {
        return keyOf.containsKey(id);
    }

    long timeOf(int id) {
        Key k = keyOf.get(id);
        return k == null ? -1 : k.time();
    }

    /** Removes the first event and returns its id (the caller runs it), or -1. */
    int pollAndAdvance() {
        var e = queue.pollFirstEntry();
        if (e == null) {
            return -1;
        }
        keyOf.remove(e.getValue());
        now = e.getKey().time();
        return e.getValue();
    }

    void setNow(long t) {
        now = t;
    }
}
