package org.lvslab.schedulers;

import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.ServiceFlags;
import org.lvslab.ipvs.VirtualService;
import org.lvslab.ipvs.sched.Explain;
import org.lvslab.ipvs.sched.Scheduler;
import org.lvslab.ipvs.sched.SchedulerContext;
import org.lvslab.ipvs.sched.SchedulerProvider;
import org.lvslab.schedulers.hash.Hash32;

/**
 * sh ({@code ip_vs_sh.c}). A table of 256 buckets ({@code CONFIG_IP_VS_SH_TAB_BITS} 8, the
 * Debian and Kconfig default) re-laid on init, add, delete and every edit: walking the list
 * cyclically, each server fills max(weight, 1) consecutive buckets. A pick hashes the client
 * address (plus the client port with sh-port, SCHED2) with {@code hash_32}; with sh-fallback
 * (SCHED1) an unusable server (weight &le; 0 or overloaded; AVAILABLE is not checked) is followed
 * by a probe that starts at bucket {@code 2h} — the kernel adds the original hash twice.
 */
public final class SourceHashing implements Scheduler {
    static final int BITS = 8;
    static final int SIZE = 1 << BITS;
    static final int MASK = SIZE - 1;

    private final VirtualService svc;
    private final SchedulerContext context;
    private final HashBuckets buckets = new HashBuckets(SIZE);

    SourceHashing(VirtualService svc, SchedulerContext context) {
        this.svc = svc;
        this.context = context;
        reassign();
    }

    private void reassign() {
        int n = svc.destCount();
        int p = 0;
        int count = 0;
        for (int i = 0; i < SIZE; i++) {
            if (n == 0) {
                buckets.set(i, null);
                continue;
            }
            RealServer d = svc.dest(p);
            buckets.set(i, d);
            if (++count >= d.weight()) {
                p = (p + 1) % n;
                count = 0;
            }
        }
    }

    /** The server in bucket {@code i} (null if empty). */
    public RealServer bucket(int i) {
        return buckets.get(i);
    }

    /** {@code ip_vs_sh_hashkey}: (offset + hash_32(port + folded address, 8)) mod 256. */
    static int hashKey(int foldedAddress, int port, int offset) {
        return (offset + Hash32.hash32(port + foldedAddress, BITS)) & MASK;
    }

    private static boolean unusable(RealServer d) {
        return d.weight() <= 0 || d.isOverloaded();
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
    public void updateDest(RealServer dest) {
        reassign();
    }

    @Override
    public void done() {
        buckets.clear();
    }

    @Override
    public RealServer schedule(Packet packet) {
        // every modelled protocol (TCP, UDP, SCTP) carries ports
        int port = svc.hasFlag(ServiceFlags.SCHED2) ? packet.sport : 0;
        int key = packet.saddr.fold();
        int h = hashKey(key, port, 0);
        RealServer d = buckets.get(h);
        Explain ex = context.explain();
        if (!svc.hasFlag(ServiceFlags.SCHED1)) {
            RealServer pick = d == null || unusable(d) ? null : d;
            if (ex.enabled()) {
                ex.line("sh: " + packet.saddr + (port != 0 ? ":" + port : "") + " -> bucket " + h + " -> "
                        + (d == null ? "empty" : d + (pick == null ? " unusable (weight 0 or overloaded)" : "")));
            }
            return pick;
        }
        if (d == null || !unusable(d)) {
            if (ex.enabled()) {
                ex.line("sh: " + packet.saddr + (port != 0 ? ":" + port : "") + " -> bucket " + h + " -> "
                        + (d == null ? "empty" : d));
            }
            return d;
        }
        for (int k = 0; k < SIZE; k++) {
            int roffset = (k + h) % SIZE;
            int b = hashKey(key, port, roffset);
            RealServer c = buckets.get(b);
            if (c == null) {
                break;
            }
            if (!unusable(c)) {
                if (ex.enabled()) {
                    ex.line("sh: " + packet.saddr + (port != 0 ? ":" + port : "") + " -> bucket " + h + " ("
                            + d + " unusable), fallback probe " + (k + 1) + " bucket " + b + " -> " + c);
                }
                return c;
            }
        }
        if (ex.enabled()) {
            ex.line("sh: " + packet.saddr + " -> bucket " + h + " unusable and no usable bucket on the fallback probe");
        }
        return null;
    }

    /** Registers sh. */
    public static final class Provider implements SchedulerProvider {
        @Override
        public String name() {
            return "sh";
        }

        @Override
        public Scheduler create(VirtualService service, SchedulerContext context) {
            return new SourceHashing(service, context);
        }
    }
}
