package org.lvslab.schedulers;

import org.lvslab.ipvs.IpAddress;
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
 * lblcr ({@code ip_vs_lblcr.c}). Like lblc, but each destination address maps to a
 * <em>set</em> of servers (new members at the front). A hit takes the set's weighted least loaded
 * member (skipping OVERLOAD, needing weight &gt; 0 and AVAILABLE); if the set has more than one
 * member and was not modified for {@code lblcr_expiration}, its weighted most loaded member
 * (weight &gt; 0, no other check) is dropped — after the least loaded one was chosen, which is
 * still returned even if it was the one dropped. The choice is used unless it is missing or
 * overloaded by the locality heuristic; then a wlc pick is made and added to the set. A miss makes
 * a wlc pick and a new entry (not at or over 1.5 × max_size with the cache cap,
 * {@link KernelProfile#lblcCacheCap()}). Garbage collection as in lblc, with sysctl
 * {@code lblcr_expiration}. Every set member holds a reference on its server.
 */
public final class LocalityBasedLeastConnectionWithReplication
        implements Scheduler, LocalityTable.Freer<LocalityBasedLeastConnectionWithReplication.CacheEntry> {

    /** One member of a destination set. */
    static final class Member {
        RealServer dest;
        Member next;
    }

    static final class CacheEntry extends LocalityTable.Entry {
        Member members;
        int size;
        long lastMod;
    }

    private final VirtualService svc;
    private final SchedulerContext context;
    private final KernelProfile profile;
    private final LocalityTable<CacheEntry> table = new LocalityTable<>(this);
    private Member freeMembers;

    LocalityBasedLeastConnectionWithReplication(VirtualService svc, SchedulerContext context) {
        this.svc = svc;
        this.context = context;
        this.profile = context.profile();
        table.startCollecting(context, Sysctls::lblcrExpirationSeconds);
    }

    @Override
    public void free(CacheEntry entry) {
        Member m = entry.members;
        while (m != null) {
            Member next = m.next;
            recycle(m);
            m = next;
        }
        entry.members = null;
        entry.size = 0;
    }

    private void recycle(Member m) {
        m.dest.release();
        m.dest = null;
        m.next = freeMembers;
        freeMembers = m;
    }

    /** The kernel's entry counter. */
    public int entryCounter() {
        return table.entries;
    }

    /** Entries actually in the cache. */
    public int cachedEntries() {
        return table.linked;
    }

    /** The members of the set cached for {@code daddr}, in set order (empty if none). Not for hot paths. */
    public java.util.List<RealServer> cachedSet(IpAddress daddr) {
        java.util.ArrayList<RealServer> out = new java.util.ArrayList<>();
        CacheEntry e = table.get(daddr);
        for (Member m = e == null ? null : e.members; m != null; m = m.next) {
            out.add(m.dest);
        }
        return out;
    }

    @Override
    public void done() {
        table.stopAndFlush();
    }

    /** {@code ip_vs_dest_set_min}. */
    static RealServer setMin(CacheEntry e) {
        Member m = e.members;
        RealServer least = null;
        for (; m != null; m = m.next) {
            RealServer d = m.dest;
            if (d.isOverloaded()) {
                continue;
            }
            if (d.weight() > 0 && d.isAvailable()) {
                least = d;
                break;
            }
        }
        if (least == null) {
            return null;
        }
        int loh = least.overhead();
        for (m = m.next; m != null; m = m.next) {
            RealServer d = m.dest;
            if (d.isOverloaded()) {
                continue;
            }
            int doh = d.overhead();
            if ((long) loh * d.weight() > (long) doh * least.weight() && d.isAvailable()) {
                least = d;
                loh = doh;
            }
        }
        return least;
    }

    /** {@code ip_vs_dest_set_max}. */
    static RealServer setMax(CacheEntry e) {
        Member m = e.members;
        RealServer most = null;
        for (; m != null; m = m.next) {
            if (m.dest.weight() > 0) {
                most = m.dest;
                break;
            }
        }
        if (most == null) {
            return null;
        }
        int moh = most.overhead();
        for (m = m.next; m != null; m = m.next) {
            RealServer d = m.dest;
            int doh = d.overhead();
            if ((long) moh * d.weight() < (long) doh * most.weight() && d.weight() > 0) {
                most = d;
                moh = doh;
            }
        }
        return most;
    }

    /** {@code ip_vs_dest_set_insert} (with the membership check). */
    private boolean setInsert(CacheEntry e, RealServer dest, long now) {
        for (Member m = e.members; m != null; m = m.next) {
            if (m.dest == dest) {
                return false;
            }
        }
        Member m = freeMembers;
        if (m != null) {
            freeMembers = m.next;
        } else {
            m = new Member();
        }
        dest.hold();
        m.dest = dest;
        m.next = e.members;
        e.members = m;
        e.size++;
        e.lastMod = now;
        return true;
    }

    /** {@code ip_vs_dest_set_erase}. */
    private void setErase(CacheEntry e, RealServer dest, long now) {
        Member prev = null;
        for (Member m = e.members; m != null; prev = m, m = m.next) {
            if (m.dest == dest) {
                e.size--;
                e.lastMod = now;
                if (prev == null) {
                    e.members = m.next;
                } else {
                    prev.next = m.next;
                }
                recycle(m);
                return;
            }
        }
    }

    @Override
    public RealServer schedule(Packet packet) {
        Explain ex = context.explain();
        long now = context.jiffies();
        CacheEntry en = table.get(packet.daddr);
        if (en != null) {
            en.lastUse = now;
            RealServer dest = setMin(en);
            RealServer dropped = null;
            long expiration = context.sysctls().lblcrExpirationSeconds() * context.hz();
            if (en.size > 1 && now - (en.lastMod + expiration) > 0) {
                RealServer m = setMax(en);
                if (m != null) {
                    setErase(en, m, now);
                    dropped = m;
                }
            }
            if (dest != null && !Loads.localityOverloaded(dest, svc)) {
                if (ex.enabled()) {
                    ex.line("lblcr: daddr " + packet.daddr + " set least loaded -> " + dest
                            + (dropped == null ? "" : " (set shrunk: dropped most loaded " + dropped + ")"));
                }
                return dest;
            }
            RealServer chosen = Loads.weightedLeast(svc);
            if (chosen == null) {
                if (ex.enabled()) {
                    ex.line("lblcr: daddr " + packet.daddr + " set gives "
                            + (dest == null ? "no usable member" : dest + " overloaded") + "; no real server for wlc");
                }
                return null;
            }
            boolean added = !table.dead && setInsert(en, chosen, now);
            if (ex.enabled()) {
                ex.line("lblcr: daddr " + packet.daddr + " set gives "
                        + (dest == null ? "no usable member" : dest + " overloaded (active > weight)")
                        + (dropped == null ? "" : ", dropped most loaded " + dropped) + "; wlc -> " + chosen
                        + (added ? ", added to the set" : ", already in the set"));
            }
            return chosen;
        }
        RealServer dest = Loads.weightedLeast(svc);
        if (dest == null) {
            if (ex.enabled()) {
                ex.line("lblcr: daddr " + packet.daddr + " no entry; no real server for wlc");
            }
            return null;
        }
        boolean created = false;
        if (!table.dead && !table.full(profile)) {
            CacheEntry e = table.recycled();
            if (e == null) {
                e = new CacheEntry();
            }
            e.address = packet.daddr;
            e.lastUse = now;
            e.size = 0;
            e.members = null;
            setInsert(e, dest, now);
            table.link(e);
            created = true;
        }
        if (ex.enabled()) {
            ex.line("lblcr: daddr " + packet.daddr + " no entry; wlc -> " + dest
                    + (created ? ", entry created" : ", no entry created (cache full)"));
        }
        return dest;
    }

    /** Registers lblcr. */
    public static final class Provider implements SchedulerProvider {
        @Override
        public String name() {
            return "lblcr";
        }

        @Override
        public Scheduler create(VirtualService service, SchedulerContext context) {
            return new LocalityBasedLeastConnectionWithReplication(service, context);
        }
    }
}
