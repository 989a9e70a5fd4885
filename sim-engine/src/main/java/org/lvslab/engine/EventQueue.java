package org.lvslab.engine;

/**
 * The ordering structure behind an {@link EventLoop}: a priority queue of event slots keyed by
 * (time, sequence number). The loop owns everything else about an event (handler, kind, payload,
 * handle generation); a queue only knows slot numbers and their keys.
 *
 * <p>Contract shared by every implementation, and checked by the same property tests against a
 * TreeMap reference: {@link #poll()} returns the slot with the smallest time, and among equal
 * times the smallest sequence number; callers never add a slot that is queued, nor remove or move
 * one that is not.
 */
abstract sealed class EventQueue permits HeapQueue, WheelQueue {

    /** Makes room for slot numbers {@code 0 .. slots-1}. */
    abstract void ensureSlots(int slots);

    abstract void add(int slot, long time, long seq);

    abstract void remove(int slot);

    /** Gives a queued slot a new key (reschedule). */
    abstract void move(int slot, long time, long seq);

    /** Time of the first slot, {@link Long#MAX_VALUE} when empty. */
    abstract long minTime();

    /** Removes and returns the first slot, -1 when empty. */
    abstract int poll();

    abstract long timeOf(int slot);

    /** Whether the slot is queued. */
    abstract boolean contains(int slot);

    abstract int size();

    static boolean before(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }
}
