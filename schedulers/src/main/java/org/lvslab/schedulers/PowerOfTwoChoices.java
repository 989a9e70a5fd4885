package org.lvslab.schedulers;

import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.VirtualService;
import org.lvslab.ipvs.sched.Explain;
import org.lvslab.ipvs.sched.RandomSource;
import org.lvslab.ipvs.sched.Scheduler;
import org.lvslab.ipvs.sched.SchedulerContext;
import org.lvslab.ipvs.sched.SchedulerProvider;

/**
 * twos ({@code ip_vs_twos.c}, kernel 6.2 and later). Sums the weights W of the non-overloaded
 * servers with weight &gt; 0, draws r1 then r2 uniformly from {@code [0, W]} (the kernel asks for
 * a number below W+1, so the first eligible server gets one outcome more than its weight), walks
 * the eligible servers subtracting weights and takes, for each draw, the first server where it
 * reaches &le; 0. The second choice wins only if {@code w2*overhead1 > w1*overhead2} in signed
 * 32-bit arithmetic, which may wrap exactly as the kernel's {@code int} products do.
 *
 * <p>The kernel draws from its CSPRNG, so single decisions cannot be reproduced; only the
 * distribution of many decisions can be compared with a real kernel (statistically). Here the two
 * draws come from {@link SchedulerContext#random()}, exactly twice per decision, r1 first.
 * Weight sums above {@code Integer.MAX_VALUE - 1} (impossible with ipvsadm's 0..65535 weights
 * and fewer than 32768 servers) are not modelled.
 */
public final class PowerOfTwoChoices implements Scheduler {
    private final VirtualService svc;
    private final SchedulerContext context;

    PowerOfTwoChoices(VirtualService svc, SchedulerContext context) {
        this.svc = svc;
        this.context = context;
    }

    @Override
    public RealServer schedule(Packet packet) {
        int n = svc.destCount();
        int total = 0;
        RealServer lastEligible = null; // the kernel's choice1 after its first loop
        for (int i = 0; i < n; i++) {
            RealServer d = svc.dest(i);
            if (!d.isOverloaded() && d.weight() > 0) {
                total += d.weight();
                lastEligible = d;
            }
        }
        Explain ex = context.explain();
        if (lastEligible == null) {
            if (ex.enabled()) {
                ex.line("twos: no real server with weight > 0 and not overloaded");
            }
            return null;
        }
        RandomSource random = context.random();
        int bound = total + 1;
        int r1 = random.nextIntBelow(bound);
        int r2 = random.nextIntBelow(bound);
        int draw1 = r1;
        int draw2 = r2;
        RealServer c1 = lastEligible;
        RealServer c2 = null;
        int w1 = -1;
        int w2 = -1;
        int o1 = 0;
        int o2 = 0;
        for (int i = 0; i < n; i++) {
            RealServer d = svc.dest(i);
            if (d.isOverloaded()) {
                continue;
            }
            int w = d.weight();
            if (w <= 0) {
                continue;
            }
            r1 -= w;
            r2 -= w;
            if (r1 <= 0 && w1 == -1) {
                c1 = d;
                w1 = w;
                o1 = d.overhead();
            }
            if (r2 <= 0 && w2 == -1) {
                c2 = d;
                w2 = w;
                o2 = d.overhead();
            }
            if (w1 != -1 && w2 != -1) {
                break;
            }
        }
        RealServer pick = c2 != null && w2 * o1 > w1 * o2 ? c2 : c1;
        if (ex.enabled()) {
            ex.line("twos: W=" + total + " draws " + draw1 + "," + draw2 + " -> " + c1 + " (w=" + w1 + " oh=" + o1
                    + ") vs " + c2 + " (w=" + w2 + " oh=" + o2 + "): " + pick);
        }
        return pick;
    }

    /** Registers twos (only in kernels that have it). */
    public static final class Provider implements SchedulerProvider {
        @Override
        public String name() {
            return "twos";
        }

        @Override
        public boolean availableIn(KernelProfile profile) {
            return profile.hasTwos();
        }

        @Override
        public Scheduler create(VirtualService service, SchedulerContext context) {
            return new PowerOfTwoChoices(service, context);
        }
    }
}
