package org.lvslab.schedulers;

import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.VirtualService;
import org.lvslab.ipvs.sched.Explain;
import org.lvslab.ipvs.sched.Scheduler;
import org.lvslab.ipvs.sched.SchedulerContext;
import org.lvslab.ipvs.sched.SchedulerProvider;

/**
 * nq ({@code ip_vs_nq.c}). The first non-overloaded, weight &gt; 0 server in list order with no
 * active connection wins at once; otherwise the smallest (active+1)/weight as in sed (signed 64-bit
 * cross products, ties to the earlier server).
 */
public final class NeverQueue implements Scheduler {
    private final VirtualService svc;
    private final SchedulerContext context;

    NeverQueue(VirtualService svc, SchedulerContext context) {
        this.svc = svc;
        this.context = context;
    }

    @Override
    public RealServer schedule(Packet packet) {
        RealServer least = reference(svc);
        Explain ex = context.explain();
        if (ex.enabled()) {
            ex.line(least == null ? "nq: no real server with weight > 0 and not overloaded"
                    : least.activeConns() == 0 ? "nq: " + least + " is the first idle server (no active connection)"
                    : "nq: no idle server; least (active+1)/weight " + (least.activeConns() + 1) + "/"
                            + least.weight() + " at " + least);
        }
        return least;
    }

    static RealServer reference(VirtualService svc) {
        RealServer least = null;
        int loh = 0;
        for (int i = 0, n = svc.destCount(); i < n; i++) {
            RealServer d = svc.dest(i);
            if (d.isOverloaded() || d.weight() == 0) {
                continue;
            }
            int doh = d.activeConns() + 1;
            if (d.activeConns() == 0) {
                return d;
            }
            if (least == null || (long) loh * d.weight() > (long) doh * least.weight()) {
                least = d;
                loh = doh;
            }
        }
        return least;
    }

    /** Registers nq. */
    public static final class Provider implements SchedulerProvider {
        @Override
        public String name() {
            return "nq";
        }

        @Override
        public Scheduler create(VirtualService service, SchedulerContext context) {
            return new NeverQueue(service, context);
        }
    }
}
