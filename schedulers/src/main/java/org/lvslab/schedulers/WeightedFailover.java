package org.lvslab.schedulers;

import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.VirtualService;
import org.lvslab.ipvs.sched.Explain;
import org.lvslab.ipvs.sched.Scheduler;
import org.lvslab.ipvs.sched.SchedulerContext;
import org.lvslab.ipvs.sched.SchedulerProvider;

/**
 * fo ({@code ip_vs_fo.c}). The non-overloaded server with the highest weight (which must be
 * &gt; 0); strict comparison, so on equal weights the earliest in list order wins. Counters are
 * not looked at.
 */
public final class WeightedFailover implements Scheduler {
    private final VirtualService svc;
    private final SchedulerContext context;

    WeightedFailover(VirtualService svc, SchedulerContext context) {
        this.svc = svc;
        this.context = context;
    }

    @Override
    public RealServer schedule(Packet packet) {
        RealServer best = reference(svc);
        Explain ex = context.explain();
        if (ex.enabled()) {
            ex.line(best == null ? "fo: no real server with weight > 0 and not overloaded"
                    : "fo: highest weight " + best.weight() + " among non-overloaded servers: " + best);
        }
        return best;
    }

    static RealServer reference(VirtualService svc) {
        RealServer best = null;
        int hw = 0;
        for (int i = 0, n = svc.destCount(); i < n; i++) {
            RealServer d = svc.dest(i);
            if (!d.isOverloaded() && d.weight() > hw) {
                best = d;
                hw = d.weight();
            }
        }
        return best;
    }

    /** Registers fo. */
    public static final class Provider implements SchedulerProvider {
        @Override
        public String name() {
            return "fo";
        }

        @Override
        public Scheduler create(VirtualService service, SchedulerContext context) {
            return new WeightedFailover(service, context);
        }
    }
}
