package example.first;

import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.VirtualService;
import org.lvslab.ipvs.sched.Explain;
import org.lvslab.ipvs.sched.Scheduler;
import org.lvslab.ipvs.sched.SchedulerContext;
import org.lvslab.ipvs.sched.SchedulerProvider;

/**
 * "first": a strict priority list. Every new connection goes to the first real server in list
 * order (the most recently added) that is not overloaded and has weight > 0.
 */
public final class FirstAvailable implements Scheduler {
    private final VirtualService service;
    private final SchedulerContext context;

    FirstAvailable(VirtualService service, SchedulerContext context) {
        this.service = service;
        this.context = context;
    }

    @Override
    public RealServer schedule(Packet packet) {
        for (int i = 0, n = service.destCount(); i < n; i++) {
            RealServer d = service.dest(i);
            if (d.isEligible()) {
                Explain ex = context.explain();
                if (ex.enabled()) {
                    ex.line("first: " + d + " is the first eligible server (list position " + i + ")");
                }
                return d;
            }
        }
        return null;
    }

    /** Found by ServiceLoader through META-INF/services/org.lvslab.ipvs.sched.SchedulerProvider. */
    public static final class Provider implements SchedulerProvider {
        @Override
        public String name() {
            return "first";
        }

        @Override
        public Scheduler create(VirtualService service, SchedulerContext context) {
            return new FirstAvailable(service, context);
        }
    }
}
