package org.lvslab.schedulers;

import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.VirtualService;
import org.lvslab.ipvs.sched.Explain;
import org.lvslab.ipvs.sched.Scheduler;
import org.lvslab.ipvs.sched.SchedulerContext;
import org.lvslab.ipvs.sched.SchedulerProvider;
import org.lvslab.schedulers.hash.Hash32;

/**
 * dh ({@code ip_vs_dh.c}). A table of 256 buckets ({@code IP_VS_DH_TAB_BITS} 8, compile-time)
 * laid out on init, add and delete (not on edits) as bucket i = i-th server mod n in list order,
 * weights ignored. A pick hashes the packet's destination address with {@code hash_32(folded
 * daddr, 8)}; the bucket's server is returned unless it is missing, not AVAILABLE, has weight
 * &le; 0 or is overloaded — then no server (there is no fallback). Each bucket holds a reference
 * on its server, as the kernel's refcount does.
 */
public final class DestinationHashing implements Scheduler {
    static final int BITS = 8;
    static final int SIZE = 1 << BITS;

    private final VirtualService svc;
    private final SchedulerContext context;
    private final HashBuckets buckets = new HashBuckets(SIZE);

    DestinationHashing(VirtualService svc, SchedulerContext context) {
        this.svc = svc;
        this.context = context;
        reassign();
    }

    private void reassign() {
        int n = svc.destCount();
        for (int i = 0; i < SIZE; i++) {
            buckets.set(i, n == 0 ? null : svc.dest(i % n));
        }
    }

    /** The server in bucket {@code i} (null if empty). */
    public RealServer bucket(int i) {
        return buckets.get(i);
    }

    @Override
    public void addDest(RealServer dest) {
        reassign();
    }

    @Override
    public void delDest(RealServer dest) {
        reassign();
    }

    @Override
    public void done() {
        buckets.clear();
    }

    @Override
    public RealServer schedule(Packet packet) {
        int b = Hash32.hash32(packet.daddr.fold(), BITS);
        RealServer d = buckets.get(b);
        boolean usable = d != null && d.isAvailable() && d.weight() > 0 && !d.isOverloaded();
        Explain ex = context.explain();
        if (ex.enabled()) {
            ex.line("dh: daddr " + packet.daddr + " -> bucket " + b + " -> "
                    + (d == null ? "empty" : d + (usable ? "" : " unusable (unavailable, weight 0 or overloaded)")));
        }
        return usable ? d : null;
    }

    /** Registers dh. */
    public static final class Provider implements SchedulerProvider {
        @Override
        public String name() {
            return "dh";
        }

        @Override
        public Scheduler create(VirtualService service, SchedulerContext context) {
            return new DestinationHashing(service, context);
        }
    }
}
