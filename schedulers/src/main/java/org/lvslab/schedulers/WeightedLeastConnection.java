package org.lvslab.schedulers;

import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.VirtualService;
import org.lvslab.ipvs.sched.Explain;
import org.lvslab.ipvs.sched.Scheduler;
import org.lvslab.ipvs.sched.SchedulerContext;
import org.lvslab.ipvs.sched.SchedulerProvider;

/**
 * wlc ({@code ip_vs_wlc.c}). Stateless: the smallest overhead/weight ratio, compared by
 * cross-multiplying in signed 64-bit; the first non-overloaded server with weight &gt; 0 starts,
 * a later one replaces it only when strictly better, so ties go to the newer server.
 */
public final class WeightedLeastConnection implements Scheduler {
    private final VirtualService svc;
    private final SchedulerContext context;

    WeightedLeastConnection(VirtualService svc, SchedulerContext context) {
        this.svc = svc;
        this.context = context;
    }

    @Override
    public RealServer schedule(Packet packet) {
        RealServer least = Loads.weightedLeast(svc);
        Explain ex = context.explain();
        if (ex.enabled()) {
            ex.line(least == null ? "wlc: no real server with weight > 0 and not overloaded"
                    : "wlc: " + least + " has the least overhead/weight " + least.overhead() + "/" + least.weight()
                            + (Explanations.tied(svc, least, RealServer::overhead) ? " (tie: first in list order wins)" : "")
                            + " of " + Explanations.candidates(svc, "overhead", RealServer::overhead));
        }
        return least;
    }

    /** Registers wlc. */
    public static final class Provider implements SchedulerProvider {
        @Override
        public String name() {
            return "wlc";
        }

        @Override
        public Scheduler create(VirtualService service, SchedulerContext context) {
            return new WeightedLeastConnection(service, context);
        }
    }
}
