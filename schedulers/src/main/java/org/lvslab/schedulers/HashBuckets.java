package org.lvslab.schedulers;

import org.lvslab.ipvs.RealServer;

/**
 * The 256-bucket table shared in form by dh and sh ({@code ip_vs_dh.c}, {@code ip_vs_sh.c}): each
 * bucket holds a reference on its server, as the kernel's refcount does. How the buckets are laid
 * out is each scheduler's own rule and stays there.
 */
final class HashBuckets {
    private final RealServer[] buckets;

    HashBuckets(int size) {
        buckets = new RealServer[size];
    }

    /** The server in bucket {@code i} (null if empty). */
    RealServer get(int i) {
        return buckets[i];
    }

    /** Puts {@code d} (null = empty) in bucket {@code i}: the old server's reference is dropped first. */
    void set(int i, RealServer d) {
        RealServer old = buckets[i];
        if (old != null) {
            old.release();
        }
        if (d != null) {
            d.hold();
        }
        buckets[i] = d;
    }

    /** Empties every bucket, dropping the references (the scheduler's done_service). */
    void clear() {
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i] != null) {
                buckets[i].release();
                buckets[i] = null;
            }
        }
    }
}
