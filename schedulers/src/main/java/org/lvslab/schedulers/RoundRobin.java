package org.lvslab.schedulers;

import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.VirtualService;
import org.lvslab.ipvs.sched.Explain;
import org.lvslab.ipvs.sched.Scheduler;
import org.lvslab.ipvs.sched.SchedulerContext;
import org.lvslab.ipvs.sched.SchedulerProvider;

/**
 * rr ({@code ip_vs_rr.c}). State: a position that is the list head or one real server. A pick
 * scans the servers after the position to the end of the list, then (unless the position is the
 * head) from the start up to and including the position's own server, and takes the first that is
 * not overloaded and has weight &gt; 0. No add or update hook: a new server (front of the list) is
 * reached only after the scan wraps. Deleting the positioned server moves the position to its
 * predecessor (or the head), so the scan continues with its successor.
 */
public final class RoundRobin implements Scheduler {
    private final VirtualService svc;
    private final SchedulerContext context;
    /** The positioned real server; null means the list head. */
    private RealServer position;
    /**
     * The position's list index as of the last list change we were told about. Needed because the
     * del hook runs after the unlink, when the deleted server no longer knows where it was.
     */
    private int positionIndex = -1;

    RoundRobin(VirtualService svc, SchedulerContext context) {
        this.svc = svc;
        this.context = context;
    }

    /** The positioned real server, or null for the list head. */
    public RealServer position() {
        return position;
    }

    @Override
    public void addDest(RealServer dest) {
        // no kernel hook; only our index bookkeeping (the new server shifted everyone by one)
        if (position != null) {
            positionIndex = position.listIndex();
        }
    }

    @Override
    public void delDest(RealServer dest) {
        if (dest == position) {
            // the deleted server's old index is still positionIndex; its predecessor keeps index - 1
            int old = dest.listIndex() >= 0 ? dest.listIndex() : positionIndex;
            if (old <= 0) {
                position = null;
                positionIndex = -1;
            } else {
                position = svc.dest(old - 1);
                positionIndex = old - 1;
            }
        } else if (position != null) {
            positionIndex = position.listIndex();
        }
    }

    @Override
    public RealServer schedule(Packet packet) {
        int n = svc.destCount();
        int last = position == null ? -1 : position.listIndex();
        for (int i = last + 1; i < n; i++) {
            RealServer d = svc.dest(i);
            if (!d.isOverloaded() && d.weight() > 0) {
                return hit(d, i);
            }
        }
        // second pass from the start, up to and including the positioned server
        for (int i = 0; i <= last; i++) {
            RealServer d = svc.dest(i);
            if (!d.isOverloaded() && d.weight() > 0) {
                return hit(d, i);
            }
        }
        Explain ex = context.explain();
        if (ex.enabled()) {
            ex.line("rr: no real server with weight > 0 and not overloaded (position "
                    + (position == null ? "head" : position.toString()) + ")");
        }
        return null;
    }

    private RealServer hit(RealServer d, int index) {
        Explain ex = context.explain();
        if (ex.enabled()) {
            ex.line("rr: after " + (position == null ? "head" : position.toString()) + " the next eligible is "
                    + d + " (list position " + index + ")");
        }
        position = d;
        positionIndex = index;
        return d;
    }

    /** Registers rr. */
    public static final class Provider implements SchedulerProvider {
        @Override
        public String name() {
            return "rr";
        }

        @Override
        public Scheduler create(VirtualService service, SchedulerContext context) {
            return new RoundRobin(service, context);
        }
    }
}
