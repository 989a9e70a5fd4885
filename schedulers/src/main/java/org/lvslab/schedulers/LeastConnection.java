package org.lvslab.schedulers;

import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.VirtualService;
import org.lvslab.ipvs.sched.Explain;
import org.lvslab.ipvs.sched.Scheduler;
import org.lvslab.ipvs.sched.SchedulerContext;
import org.lvslab.ipvs.sched.SchedulerProvider;

/**
 * lc ({@code ip_vs_lc.c}). Stateless: skips overloaded and weight-0 servers and takes the one
 * with the strictly smallest connection overhead, compared as unsigned 32-bit numbers; ties go to
 * the earliest in list order (the newest). Weights other than 0 do not matter.
 */
public final class LeastConnection implements Scheduler {
    private final VirtualService svc;
    private final SchedulerContext context;

    LeastConnection(VirtualService svc, SchedulerContext context) {
        this.svc = svc;
        this.context = context;
    }

    @Override
    public RealServer schedule(Packet packet) {
        RealServer least = reference(svc);
        Explain ex = context.explain();
        if (ex.enabled()) {
            ex.line(least == null ? "lc: no real server with weight > 0 and not overloaded"
                    : "lc: " + least + " has the least overhead " + Integer.toUnsignedString(least.overhead())
                            + " of " + Explanations.candidates(svc, "overhead", d -> Integer.toUnsignedLong(d.overhead()))
                            + " (ties: first in list order)");
        }
        return least;
    }

    /** The kernel's scan, in list order. */
    static RealServer reference(VirtualService svc) {
        RealServer least = null;
        int loh = 0;
        for (int i = 0, n = svc.destCount(); i < n; i++) {
            RealServer d = svc.dest(i);
            if (d.isOverloaded() || d.weight() == 0) {
                continue;
            }
            int doh = d.overhead();
            if (least == null || Integer.compareUnsigned(doh, loh) < 0) {
                least = d;
                loh = doh;
            }
        }
        return least;
    }

    /** Registers lc. */
    public static final class Provider implements SchedulerProvider {
        @Override
        public String name() {
            return "lc";
        }

        @Override
        public Scheduler create(VirtualService service, SchedulerContext context) {
            return new LeastConnection(service, context);
        }
    }
}
