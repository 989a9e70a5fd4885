package org.lvslab.schedulers;

import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.Sysctls;
import org.lvslab.ipvs.VirtualService;
import org.lvslab.ipvs.sched.Explain;
import org.lvslab.ipvs.sched.Scheduler;
import org.lvslab.ipvs.sched.SchedulerContext;
import org.lvslab.ipvs.sched.SchedulerProvider;

/**
 * lblc ({@code ip_vs_lblc.c}). A cache maps the packet's <em>destination</em> address to one
 * real server. A hit refreshes lastuse and is used if the server is AVAILABLE, has weight &gt; 0
 * and is not "overloaded" by the locality heuristic (active &gt; weight while some server has
 * 2*active &lt; weight); the OVERLOAD flag of a cached server is not looked at. Otherwise a wlc
 * pick is made and cached: an entry already pointing at it is kept, a different one is replaced
 * by a new entry. Kernel-version switches: the entry counter is decremented on replacement only
 * with "ipvs: fix missing counter decrement in lblc" ({@link KernelProfile#lblcCounterFix()}),
 * and new entries are refused at 1.5 × max_size only with the cache cap
 * ({@link KernelProfile#lblcCacheCap()}); the chosen server is used either way.
 *
 * <p>Garbage collection runs 60 s after init and then every 60 s (sysctl {@code lblc_expiration}
 * for the full pass every 30th run). Entries hold a reference on their server, which keeps a
 * deleted server in the trash until the entry goes.
 */
public final class LocalityBasedLeastConnection implements Scheduler, LocalityTable.Freer<LocalityBasedLeastConnection.CacheEntry> {
    static final class CacheEntry extends LocalityTable.Entry {
        RealServer dest;
    }

    private final VirtualService svc;
    private final SchedulerContext context;
    private final KernelProfile profile;
    private final LocalityTable<CacheEntry> table = new LocalityTable<>(this);

    LocalityBasedLeastConnection(VirtualService svc, SchedulerContext context) {
        this.svc = svc;
        this.context = context;
        this.profile = context.profile();
        table.startCollecting(context, Sysctls::lblcExpirationSeconds);
    }

    @Override
    public void free(CacheEntry entry) {
        entry.dest.release();
        entry.dest = null;
    }

    /** The kernel's entry counter (may exceed {@link #cachedEntries()} without the counter fix). */
    public int entryCounter() {
        return table.entries;
    }

    /** Entries actually in the cache. */
    public int cachedEntries() {
        return table.linked;
    }

    /** The GC run counter (1..30). */
    public int gcCounter() {
        return table.counter;
    }

    /** The GC rover (last bucket scanned by a partial collection). */
    public int gcRover() {
        return table.rover;
    }

    /** The server cached for a destination address, or null. */
    public RealServer cached(org.lvslab.ipvs.IpAddress daddr) {
        CacheEntry e = table.get(daddr);
        return e == null ? null : e.dest;
    }

    @Override
    public void done() {
        table.stopAndFlush();
    }

    @Override
    public RealServer schedule(Packet packet) {
        Explain ex = context.explain();
        CacheEntry en = table.get(packet.daddr);
        long now = context.jiffies();
        RealServer cachedDest = null;
        if (en != null) {
            en.lastUse = now;
            RealServer d = en.dest;
            if (d.isAvailable() && d.weight() > 0 && !Loads.localityOverloaded(d, svc)) {
                if (ex.enabled()) {
                    ex.line("lblc: daddr " + packet.daddr + " entry reused -> " + d);
                }
                return d;
            }
            cachedDest = d;
        }
        RealServer dest = Loads.weightedLeast(svc);
        if (dest == null) {
            if (ex.enabled()) {
                ex.line("lblc: daddr " + packet.daddr + (en == null ? " no entry" : " entry " + cachedDest
                        + " unusable") + "; no real server for wlc");
            }
            return null;
        }
        String what = null;
        if (!table.dead) {
            what = cacheSet(packet, en, dest, now);
        }
        if (ex.enabled()) {
            ex.line("lblc: daddr " + packet.daddr + (en == null ? " no entry" : " entry " + cachedDest
                    + " unusable (unavailable, weight 0 or active > weight with a lightly loaded server)")
                    + "; wlc -> " + dest + (what == null ? "" : ", " + what));
        }
        return dest;
    }

    /** {@code ip_vs_lblc_new}; returns what happened, for explain. */
    private String cacheSet(Packet packet, CacheEntry en, RealServer dest, long now) {
        if (en != null) {
            if (en.dest == dest) {
                return "entry kept";
            }
            table.unlink(en);
            if (profile.lblcCounterFix()) {
                table.entries--;
            }
        }
        if (table.full(profile)) {
            return "cache full, no entry created";
        }
        CacheEntry e = table.recycled();
        if (e == null) {
            e = new CacheEntry();
        }
        e.address = packet.daddr;
        e.lastUse = now;
        dest.hold();
        e.dest = dest;
        table.link(e);
        return en != null ? "entry replaced" : "entry created";
    }

    /** Registers lblc. */
    public static final class Provider implements SchedulerProvider {
        @Override
        public String name() {
            return "lblc";
        }

        @Override
        public Scheduler create(VirtualService service, SchedulerContext context) {
            return new LocalityBasedLeastConnection(service, context);
        }
    }
}
