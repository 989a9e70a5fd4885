package org.lvslab.schedulers;

import org.lvslab.ipvs.Errno;
import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.ServiceFlags;
import org.lvslab.ipvs.VirtualService;
import org.lvslab.ipvs.sched.Explain;
import org.lvslab.ipvs.sched.Scheduler;
import org.lvslab.ipvs.sched.SchedulerContext;
import org.lvslab.ipvs.sched.SchedulerInitException;
import org.lvslab.ipvs.sched.SchedulerProvider;
import org.lvslab.schedulers.hash.Hsiphash;

/**
 * mh ({@code ip_vs_mh.c}): Maglev consistent hashing over a prime table of M = 4093 slots
 * ({@code CONFIG_IP_VS_MH_TAB_INDEX} 12, so {@code TAB_BITS} 6), hashed with the 64-bit kernel's
 * {@code hsiphash} and two fixed keys. The table is rebuilt on init, add, delete and every edit
 * from <em>last_weight</em> (so a weight set to 0 keeps its slots and is merely unusable at lookup;
 * a server added with weight 0 gets none). Turns per round are {@code (last_weight / gcd) >>
 * rshift} (at least 1 for a non-zero last_weight), {@code rshift = max(0, fls(max/gcd) - 6)}.
 * With more than M servers a rebuild is abandoned and the old table stays (at init: EINVAL).
 * mh-fallback (SCHED1) probes {@code hash(addr, port, offset (k + h) mod M)}; mh-port (SCHED2)
 * adds the client port. A lookup checks only weight &gt; 0 and OVERLOAD, not AVAILABLE.
 */
public final class MaglevHashing implements Scheduler {
    /** Table index 12 picks the prime 4093 from the kernel's list. */
    public static final int SIZE = 4093;
    static final int TAB_BITS = 12 / 2;
    /** {@code generate_hash_secret}: fixed 64-bit key words (upper halves zero). */
    static final long KEY1 = 2654435761L;
    static final long KEY2 = 2654446892L;

    private final VirtualService svc;
    private final SchedulerContext context;
    private final RealServer[] lookup = new RealServer[SIZE];
    private final boolean[] taken = new boolean[SIZE];
    private int gcd;
    private int rshift;

    MaglevHashing(VirtualService svc, SchedulerContext context) {
        this.svc = svc;
        this.context = context;
        computeWeights();
        if (!reassign()) {
            throw new SchedulerInitException(Errno.EINVAL,
                    "mh: " + svc.destCount() + " real servers do not fit in a table of " + SIZE + " slots");
        }
    }

    /** {@code ip_vs_mh_hashkey}: hsiphash of (offset + port + folded address) mod 2^32. */
    static int hashKey(int foldedAddress, int port, long key, int offset) {
        return Hsiphash.hash(offset + port + foldedAddress, key, key);
    }

    static int unsignedMod(int hash, int m) {
        return Integer.remainderUnsigned(hash, m);
    }

    /** Slot offset of a real server's permutation. */
    static int offsetOf(RealServer d) {
        return unsignedMod(hashKey(d.address().fold(), d.port(), KEY1, 0), SIZE);
    }

    /** Skip of a real server's permutation (1..M-1). */
    static int skipOf(RealServer d) {
        return unsignedMod(hashKey(d.address().fold(), d.port(), KEY2, 0), SIZE - 1) + 1;
    }

    private void computeWeights() {
        int g = 0;
        int max = 0;
        for (int i = 0, n = svc.destCount(); i < n; i++) {
            int w = svc.dest(i).lastWeight();
            if (w > 0) {
                g = g > 0 ? WeightedRoundRobin.gcd(w, g) : w;
            }
            if (w > max) {
                max = w;
            }
        }
        gcd = g;
        if (g < 1) {
            rshift = 0;
        } else {
            int shift = (32 - Integer.numberOfLeadingZeros(max / g)) - TAB_BITS;
            rshift = Math.max(shift, 0);
        }
    }

    /** Rebuilds the lookup table; false (table untouched) when the servers do not fit. */
    private boolean reassign() {
        int n = svc.destCount();
        if (n > SIZE) {
            return false;
        }
        if (gcd < 1) {
            reset();
            return true;
        }
        int[] perm = new int[n];
        int[] skip = new int[n];
        int[] turns = new int[n];
        for (int i = 0; i < n; i++) {
            RealServer d = svc.dest(i);
            perm[i] = offsetOf(d);
            skip[i] = skipOf(d);
            int lw = d.lastWeight();
            int t = (lw / gcd) >> rshift;
            turns[i] = t != 0 ? t : (lw != 0 ? 1 : 0);
        }
        java.util.Arrays.fill(taken, false);
        int filled = 0;
        int count = 0;
        outer:
        while (filled < SIZE) {
            int i = 0;
            while (i < n) {
                if (turns[i] < 1) {
                    i++;
                    continue;
                }
                int c = perm[i];
                while (taken[c]) {
                    perm[i] += skip[i];
                    if (perm[i] >= SIZE) {
                        perm[i] -= SIZE;
                    }
                    c = perm[i];
                }
                taken[c] = true;
                RealServer old = lookup[c];
                RealServer d = svc.dest(i);
                if (old != d) {
                    if (old != null) {
                        old.release();
                    }
                    d.hold();
                    lookup[c] = d;
                }
                if (++filled == SIZE) {
                    break outer;
                }
                if (++count >= turns[i]) {
                    count = 0;
                    i++;
                }
            }
        }
        return true;
    }

    private void reset() {
        for (int i = 0; i < SIZE; i++) {
            if (lookup[i] != null) {
                lookup[i].release();
                lookup[i] = null;
            }
        }
    }

    private void destChanged() {
        computeWeights();
        reassign(); // the kernel ignores the hook's -EINVAL: the old table stays
    }

    /** The server in slot {@code i} (null if empty). */
    public RealServer slot(int i) {
        return lookup[i];
    }

    @Override
    public void addDest(RealServer dest) {
        destChanged();
    }

    @Override
    public void delDest(RealServer dest) {
        destChanged();
    }

    @Override
    public void updateDest(RealServer dest) {
        destChanged();
    }

    @Override
    public void done() {
        reset();
    }

    private static boolean unusable(RealServer d) {
        return d.weight() <= 0 || d.isOverloaded();
    }

    @Override
    public RealServer schedule(Packet packet) {
        int port = svc.hasFlag(ServiceFlags.SCHED2) ? packet.sport : 0;
        int key = packet.saddr.fold();
        int h = unsignedMod(hashKey(key, port, KEY1, 0), SIZE);
        RealServer d = lookup[h];
        Explain ex = context.explain();
        if (!svc.hasFlag(ServiceFlags.SCHED1) || d == null || !unusable(d)) {
            RealServer pick = d == null || unusable(d) ? null : d;
            if (ex.enabled()) {
                ex.line("mh: " + packet.saddr + (port != 0 ? ":" + port : "") + " -> slot " + h + " -> "
                        + (d == null ? "empty" : d + (pick == null ? " unusable (weight 0 or overloaded)" : "")));
            }
            return pick;
        }
        for (int k = 0; k < SIZE; k++) {
            int roffset = (k + h) % SIZE;
            int s = unsignedMod(hashKey(key, port, KEY1, roffset), SIZE);
            RealServer c = lookup[s];
            if (c == null) {
                break;
            }
            if (!unusable(c)) {
                if (ex.enabled()) {
                    ex.line("mh: " + packet.saddr + (port != 0 ? ":" + port : "") + " -> slot " + h + " (" + d
                            + " unusable), fallback probe " + (k + 1) + " slot " + s + " -> " + c);
                }
                return c;
            }
        }
        if (ex.enabled()) {
            ex.line("mh: " + packet.saddr + " -> slot " + h + " unusable and no usable slot on the fallback probe");
        }
        return null;
    }

    /** Registers mh. */
    public static final class Provider implements SchedulerProvider {
        @Override
        public String name() {
            return "mh";
        }

        @Override
        public Scheduler create(VirtualService service, SchedulerContext context) {
            return new MaglevHashing(service, context);
        }
    }
}
