package org.lvslab.schedulers;

import java.util.function.ToLongFunction;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.Sysctls;
import org.lvslab.ipvs.sched.SchedulerContext;
import org.lvslab.schedulers.hash.Hash32;

/**
 * The cache shared in structure by lblc and lblcr ({@code ip_vs_lblc.c}, {@code ip_vs_lblcr.c}):
 * 1024 buckets ({@code IP_VS_LBLC(R)_TAB_BITS} 10) keyed by {@code hash_32(folded daddr, 10)},
 * new entries at the head of their bucket, an {@code entries} counter (which in kernels without
 * the lblc counter fix may run ahead of the real number of entries), {@code max_size} 16384, and
 * the periodic garbage collection with its {@code counter} and {@code rover}.
 *
 * <p>Entries removed from the table are kept on a free list and reused, so a steady state of
 * creating and expiring entries allocates nothing.
 */
final class LocalityTable<E extends LocalityTable.Entry> {
    static final int BITS = 10;
    static final int SIZE = 1 << BITS;
    static final int MASK = SIZE - 1;
    static final int MAX_SIZE = SIZE * 16;
    /** {@code COUNT_FOR_FULL_EXPIRATION}: every 30th run is a full expiry pass. */
    static final int COUNT_FOR_FULL_EXPIRATION = 30;
    /** {@code CHECK_EXPIRE_INTERVAL}, seconds. */
    static final int CHECK_EXPIRE_SECONDS = 60;
    /** {@code ENTRY_TIMEOUT}, seconds: idle time after which the size-driven collection removes an entry. */
    static final int ENTRY_TIMEOUT_SECONDS = 6 * 60;

    /** One cache entry; the scheduler's subclass adds what it maps to. */
    abstract static class Entry {
        IpAddress address;
        long lastUse;
        Entry next;
    }

    /** Releases what an entry holds when the table drops it (the kernel's RCU free callback). */
    interface Freer<E> {
        void free(E entry);
    }

    private final Entry[] buckets = new Entry[SIZE];
    private final Freer<E> freer;
    private Entry freeList;
    int entries;
    int rover;
    int counter = 1;
    boolean dead;
    /** Real number of linked entries (the kernel's {@code entries} counter may differ). */
    int linked;

    // the periodic collection (set by startCollecting)
    private final Runnable gcTask = this::checkExpire;
    private SchedulerContext context;
    private ToLongFunction<Sysctls> expirationSeconds;
    private long timer;

    LocalityTable(Freer<E> freer) {
        this.freer = freer;
    }

    /**
     * Arms the garbage collection timer at init_service: {@link #collect} runs 60 s from now and
     * then every 60 s, with the expiration read from the scheduler's sysctl at each run
     * ({@code lblc_expiration} or {@code lblcr_expiration}).
     */
    void startCollecting(SchedulerContext context, ToLongFunction<Sysctls> expirationSeconds) {
        this.context = context;
        this.expirationSeconds = expirationSeconds;
        timer = context.scheduleTimer((long) CHECK_EXPIRE_SECONDS * context.hz(), gcTask);
    }

    private void checkExpire() {
        long now = context.jiffies();
        long expiration = expirationSeconds.applyAsLong(context.sysctls()) * context.hz();
        collect(now, expiration, (long) ENTRY_TIMEOUT_SECONDS * context.hz());
        timer = context.scheduleTimer((long) CHECK_EXPIRE_SECONDS * context.hz(), gcTask);
    }

    /** done_service: stops the collection timer, then {@link #flush()}. */
    void stopAndFlush() {
        context.cancelTimer(timer);
        flush();
    }

    static int bucketOf(IpAddress address) {
        return Hash32.hash32(address.fold(), BITS);
    }

    /** The entry for {@code address}, or null. */
    @SuppressWarnings("unchecked")
    E get(IpAddress address) {
        for (Entry e = buckets[bucketOf(address)]; e != null; e = e.next) {
            if (e.address.equals(address)) {
                return (E) e;
            }
        }
        return null;
    }

    /** A recycled entry object, or null if the free list is empty (then the caller allocates). */
    @SuppressWarnings("unchecked")
    E recycled() {
        Entry e = freeList;
        if (e != null) {
            freeList = e.next;
            e.next = null;
        }
        return (E) e;
    }

    /** {@code ip_vs_lblc(r)_hash}: links at the head of its bucket and counts it. */
    void link(E e) {
        int b = bucketOf(e.address);
        e.next = buckets[b];
        buckets[b] = e;
        entries++;
        linked++;
    }

    /** Unlinks {@code e} and frees it; the caller decides whether the counter is decremented. */
    void unlink(E e) {
        int b = bucketOf(e.address);
        Entry prev = null;
        for (Entry x = buckets[b]; x != null; prev = x, x = x.next) {
            if (x == e) {
                if (prev == null) {
                    buckets[b] = x.next;
                } else {
                    prev.next = x.next;
                }
                release(e);
                return;
            }
        }
        throw new IllegalStateException("entry for " + e.address + " is not in the table");
    }

    private void release(E e) {
        linked--;
        freer.free(e);
        e.address = null;
        e.next = freeList;
        freeList = e;
    }

    /** Whether a new entry would be refused by the cache cap ("ipvs: bound LBLCR and LBLC cache growth"). */
    boolean full(KernelProfile profile) {
        return profile.lblcCacheCap() && entries >= MAX_SIZE * 3 / 2;
    }

    /** {@code ip_vs_lblc(r)_flush} at done_service: drops everything, no more entries afterwards. */
    void flush() {
        dead = true;
        for (int i = 0; i < SIZE; i++) {
            removeWhere(i, Long.MIN_VALUE, 0, true);
        }
    }

    /**
     * One run of {@code ip_vs_lblc(r)_check_expire}: every 30th run a full pass removing entries
     * with {@code now >= lastuse + expiration}; otherwise, only while the counter says the table
     * is over max_size, a partial pass from the rover removing entries idle for 6 minutes until
     * the goal is met. Returns the number of entries removed.
     */
    int collect(long now, long expirationJiffies, long entryTimeoutJiffies) {
        int removed = 0;
        if (counter % COUNT_FOR_FULL_EXPIRATION == 0) {
            int j = rover;
            for (int i = 0; i < SIZE; i++) {
                j = (j + 1) & MASK;
                removed += removeWhere(j, now, expirationJiffies, false);
            }
            rover = j;
            counter = 1;
            return removed;
        }
        if (entries <= MAX_SIZE) {
            counter++;
            return 0;
        }
        int goal = (entries - MAX_SIZE) * 4 / 3;
        if (goal > MAX_SIZE / 2) {
            goal = MAX_SIZE / 2;
        }
        int j = rover;
        for (int i = 0; i < SIZE; i++) {
            j = (j + 1) & MASK;
            int r = removeWhere(j, now, entryTimeoutJiffies, false);
            removed += r;
            goal -= r;
            if (goal <= 0) {
                break;
            }
        }
        rover = j;
        return removed;
    }

    /** Removes (and uncounts) the entries of bucket {@code b} that are not {@code time_before(now, lastuse + idle)}. */
    @SuppressWarnings("unchecked")
    private int removeWhere(int b, long now, long idle, boolean all) {
        int removed = 0;
        Entry prev = null;
        Entry x = buckets[b];
        while (x != null) {
            Entry next = x.next;
            if (all || now - (x.lastUse + idle) >= 0) {
                if (prev == null) {
                    buckets[b] = next;
                } else {
                    prev.next = next;
                }
                entries--;
                removed++;
                release((E) x);
            } else {
                prev = x;
            }
            x = next;
        }
        return removed;
    }
}
