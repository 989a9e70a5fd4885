package org.lvslab.engine;

import java.util.Arrays;

/**
 * A hierarchical timing wheel (Varghese and Lauck) in front of a small exact heap.
 *
 * <p>Why: the IPVS model keeps one expiry timer per connection and re-arms it on every packet, so
 * most timers are moved or cancelled long before they are due. In the wheel moving a timer is an
 * unlink and a link, O(1) whatever the number of timers; a heap pays O(log n) cache misses.
 *
 * <p>Layout. Time is cut into ticks of 2<sup>{@value #TICK_BITS}</sup> ns (about 1 ms). Level
 * {@code L} has 64 buckets, each 64<sup>L</sup> ticks wide; eight levels cover the whole
 * non-negative {@code long} range, so there is no overflow list. {@code cur} is the last tick
 * handed to the <em>ready heap</em>: every event whose tick is {@code <= cur} is in the ready heap
 * (a {@link HeapQueue}, exact by time and sequence number); every other event hangs in the bucket
 * picked by the highest 6-bit digit in which its tick differs from {@code cur}. Because all ready
 * events are earlier than all wheel events, the ready heap's first event is the queue's first.
 *
 * <p>Moving a wheel event to a <em>later</em> time only rewrites its key: it stays in a bucket
 * that starts no later than its true tick, which keeps the ready heap's first event the queue's
 * first. When that bucket is cascaded the event is re-filed by its true key. So a connection timer
 * re-armed on every packet is re-filed once per level it passes, not once per packet.
 *
 * <p>When the ready heap runs dry, {@code cur} jumps to the start of the earliest non-empty
 * bucket of the lowest non-empty level and that bucket is re-filed against the new {@code cur}
 * (cascading): its events drop to lower levels or into the ready heap. An event is cascaded at most
 * once per level, so the amortised cost per event is O(levels) plus the ready heap's O(log k) for
 * the k events due within one tick.
 */
final class WheelQueue extends EventQueue {
    static final int TICK_BITS = 20;
    private static final int DIGIT_BITS = 6;
    private static final int BUCKETS = 1 << DIGIT_BITS;
    private static final int LEVELS = 8; // 20 + 8 * 6 >= 63 bits of non-negative time
    private static final int NONE = -1;
    private static final int READY = -2;

    // by slot
    private long[] key = new long[0]; // time at 2 * slot, sequence number at 2 * slot + 1: one cache line
    private int[] next = new int[0];
    private int[] prev = new int[0];
    private int[] bucket = new int[0]; // bucket number (level * 64 + index), READY or NONE

    private final int[] head = new int[LEVELS * BUCKETS];
    private final long[] occupied = new long[LEVELS]; // bit i of level L: bucket i is non-empty

    private final HeapQueue ready = new HeapQueue();
    private long cur;
    private int inWheel;

    WheelQueue() {
        Arrays.fill(head, NONE);
    }

    @Override
    void ensureSlots(int slots) {
        if (slots > bucket.length) {
            int old = bucket.length;
            key = Arrays.copyOf(key, 2 * slots);
            next = Arrays.copyOf(next, slots);
            prev = Arrays.copyOf(prev, slots);
            bucket = Arrays.copyOf(bucket, slots);
            Arrays.fill(bucket, old, slots, NONE);
            ready.ensureSlots(slots);
        }
    }

    @Override
    void add(int slot, long t, long s) {
        key[2 * slot] = t;
        key[2 * slot + 1] = s;
        file(slot);
    }

    @Override
    void remove(int slot) {
        if (bucket[slot] == READY) {
            ready.remove(slot);
        } else {
            unlink(slot);
        }
        bucket[slot] = NONE;
    }

    @Override
    void move(int slot, long t, long s) {
        int b = bucket[slot];
        if (b != READY && t >= key[2 * slot]) {
            // Lazy re-arm: a later time may stay in the current bucket, which then starts at or
            // before the true tick; the bucket's cascade re-files the event by its true key. So
            // re-arming touches only this slot's key, not the neighbours in the bucket's list.
            key[2 * slot] = t;
            key[2 * slot + 1] = s;
            return;
        }
        if (b == READY) {
            ready.remove(slot);
        } else {
            unlink(slot);
        }
        key[2 * slot] = t;
        key[2 * slot + 1] = s;
        file(slot);
    }

    @Override
    long minTime() {
        if (ready.size() == 0) {
            if (inWheel == 0) {
                return Long.MAX_VALUE;
            }
            advance();
        }
        return ready.minTime();
    }

    @Override
    int poll() {
        if (ready.size() == 0) {
            if (inWheel == 0) {
                return NONE;
            }
            advance();
        }
        int slot = ready.poll();
        bucket[slot] = NONE;
        return slot;
    }

    @Override
    long timeOf(int slot) {
        return key[2 * slot];
    }

    @Override
    boolean contains(int slot) {
        return bucket[slot] != NONE;
    }

    @Override
    int size() {
        return ready.size() + inWheel;
    }

    /** Files a slot whose key is set: into the ready heap if due by tick {@code cur}, else into a bucket. */
    private void file(int slot) {
        long t = key[2 * slot];
        long tick = t >>> TICK_BITS;
        if (tick <= cur) {
            bucket[slot] = READY;
            ready.add(slot, t, key[2 * slot + 1]);
            return;
        }
        int level = (63 - Long.numberOfLeadingZeros(tick ^ cur)) / DIGIT_BITS;
        int index = (int) (tick >>> (level * DIGIT_BITS)) & (BUCKETS - 1);
        int b = level * BUCKETS + index;
        int h = head[b];
        next[slot] = h;
        prev[slot] = NONE;
        if (h != NONE) {
            prev[h] = slot;
        } else {
            occupied[level] |= 1L << index;
        }
        head[b] = slot;
        bucket[slot] = b;
        inWheel++;
    }

    private void unlink(int slot) {
        int b = bucket[slot];
        int n = next[slot], p = prev[slot];
        if (p != NONE) {
            next[p] = n;
        } else {
            head[b] = n;
            if (n == NONE) {
                occupied[b / BUCKETS] &= ~(1L << (b % BUCKETS));
            }
        }
        if (n != NONE) {
            prev[n] = p;
        }
        inWheel--;
    }

    /** Moves {@code cur} forward and cascades until the ready heap holds the earliest events. */
    private void advance() {
        while (ready.size() == 0) {
            int level = 0;
            while (occupied[level] == 0) {
                level++;
            }
            int index = Long.numberOfTrailingZeros(occupied[level]);
            int shift = level * DIGIT_BITS;
            // Every bucket index at this level exceeds cur's digit there, so cur only grows; the
            // digits below this level become 0 (the bucket's first tick).
            long above = shift + DIGIT_BITS >= 64 ? 0 : (cur >>> (shift + DIGIT_BITS)) << (shift + DIGIT_BITS);
            cur = above | ((long) index << shift);
            int b = level * BUCKETS + index;
            int slot = head[b];
            head[b] = NONE;
            occupied[level] &= ~(1L << index);
            while (slot != NONE) {
                int n = next[slot];
                inWheel--;
                file(slot);
                slot = n;
            }
        }
    }

    /**
     * Test hook: every wheel event hangs in a bucket that lies after {@code cur} and starts no
     * later than the event's tick; list links, bitmaps and counts agree.
     */
    boolean invariantsHold() {
        int count = 0;
        for (int b = 0; b < head.length; b++) {
            int level = b / BUCKETS, index = b % BUCKETS;
            boolean bit = (occupied[level] & (1L << index)) != 0;
            if (bit != (head[b] != NONE)) {
                return false;
            }
            int above = level * DIGIT_BITS + DIGIT_BITS;
            long start = (cur >>> above << above) | ((long) index << (level * DIGIT_BITS));
            int p = NONE;
            for (int s = head[b]; s != NONE; s = next[s]) {
                long tick = key[2 * s] >>> TICK_BITS;
                if (start <= cur || tick < start || bucket[s] != b || prev[s] != p) {
                    return false;
                }
                p = s;
                count++;
            }
        }
        return count == inWheel && ready.invariantsHold();
    }
}
