package org.lvslab.schedulers;

import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.VirtualService;
import org.lvslab.ipvs.sched.Explain;
import org.lvslab.ipvs.sched.Scheduler;
import org.lvslab.ipvs.sched.SchedulerContext;
import org.lvslab.ipvs.sched.SchedulerProvider;

/**
 * ovf ({@code ip_vs_ovf.c}). The highest-weight server among those that are not overloaded, have
 * weight &gt; 0 and have no more active connections than their weight ({@code active == weight}
 * still qualifies); ties to the earliest in list order. Inactive connections do not count.
 */
public final class Overflow implements Scheduler {
    private final VirtualService svc;
    private final SchedulerContext context;

    Overflow(VirtualService svc, SchedulerContext context) {
        this.svc = svc;
        this.context = context;
    }

    @Override
    public RealServer schedule(Packet packet) {
        RealServer best = reference(svc);
        Explain ex = context.explain();
        if (ex.enabled()) {
            ex.line(best == null ? "ovf: every server is overloaded, weight 0 or has active > weight"
                    : "ovf: highest weight " + best.weight() + " with active " + best.activeConns()
                            + " <= weight: " + best);
        }
        return best;
    }

    static RealServer reference(VirtualService svc) {
        RealServer best = null;
        int hw = 0;
        for (int i = 0, n = svc.destCount(); i < n; i++) {
            RealServer d = svc.dest(i);
            int w = d.weight();
            if (d.isOverloaded() || d.activeConns() > w || w == 0) {
                continue;
            }
            if (best == null || w > hw) {
                best = d;
                hw = w;
            }
        }
        return best;
    }

    /** Registers ovf. */
    public static final class Provider implements SchedulerProvider {
        @Override
        public String name() {
            return "ovf";
        }

        @Override
        public Scheduler create(VirtualService service, SchedulerContext context) {
            return new Overflow(service, context);
        }
    }
}
