package org.lvslab.schedulers;

import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.VirtualService;
import org.lvslab.ipvs.sched.Explain;
import org.lvslab.ipvs.sched.Scheduler;
import org.lvslab.ipvs.sched.SchedulerContext;
import org.lvslab.ipvs.sched.SchedulerProvider;

/**
 * sed ({@code ip_vs_sed.c}). As wlc, but the load is {@code activeconns + 1} (inactive
 * connections ignored, the same in every kernel version): the smallest (active+1)/weight,
 * cross-multiplied in signed 64-bit, ties to the earlier server.
 */
public final class ShortestExpectedDelay implements Scheduler {
    private final VirtualService svc;
    private final SchedulerContext context;

    ShortestExpectedDelay(VirtualService svc, SchedulerContext context) {
        this.svc = svc;
        this.context = context;
    }

    @Override
    public RealServer schedule(Packet packet) {
        RealServer least = reference(svc);
        Explain ex = context.explain();
        if (ex.enabled()) {
            ex.line(least == null ? "sed: no real server with weight > 0 and not overloaded"
                    : "sed: " + least + " has the least (active+1)/weight " + (least.activeConns() + 1) + "/"
                            + least.weight()
                            + (Explanations.tied(svc, least, d -> d.activeConns() + 1L) ? " (tie: first in list order wins)" : "")
                            + " of " + Explanations.candidates(svc, "active+1", d -> d.activeConns() + 1L));
        }
        return least;
    }

    static RealServer reference(VirtualService svc) {
        int n = svc.destCount();
        int i = 0;
        RealServer least = null;
        for (; i < n; i++) {
            RealServer d = svc.dest(i);
            if (!d.isOverloaded() && d.weight() > 0) {
                least = d;
                break;
            }
        }
        if (least == null) {
            return null;
        }
        int loh = least.activeConns() + 1;
        for (i++; i < n; i++) {
            RealServer d = svc.dest(i);
            if (d.isOverloaded()) {
                continue;
            }
            int doh = d.activeConns() + 1;
            if ((long) loh * d.weight() > (long) doh * least.weight()) {
                least = d;
                loh = doh;
            }
        }
        return least;
    }

    /** Registers sed. */
    public static final class Provider implements SchedulerProvider {
        @Override
        public String name() {
            return "sed";
        }

        @Override
        public Scheduler create(VirtualService service, SchedulerContext context) {
            return new ShortestExpectedDelay(service, context);
        }
    }
}
