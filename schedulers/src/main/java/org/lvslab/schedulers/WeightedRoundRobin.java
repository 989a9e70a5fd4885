package org.lvslab.schedulers;

import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.VirtualService;
import org.lvslab.ipvs.sched.Explain;
import org.lvslab.ipvs.sched.Scheduler;
import org.lvslab.ipvs.sched.SchedulerContext;
import org.lvslab.ipvs.sched.SchedulerProvider;

/**
 * wrr ({@code ip_vs_wrr.c}). State: position {@code cl} (head or a server), current weight
 * {@code cw}, {@code mw} = max weight - (di - 1) and {@code di} = gcd of the positive weights.
 * A pick scans from after {@code cl} for a server that is not overloaded with weight &ge; cw;
 * each time the scan falls off the end, cw drops by di, and when it reaches 0 it restarts at mw
 * (giving up after one complete pass at the lowest level). Every add, delete or edit of any server
 * resets the position to the head and adjusts cw, so the sequence depends on the admin history.
 */
public final class WeightedRoundRobin implements Scheduler {
    private final VirtualService svc;
    private final SchedulerContext context;
    private RealServer cl; // null = list head
    private int cw;
    private int mw;
    private int di;

    WeightedRoundRobin(VirtualService svc, SchedulerContext context) {
        this.svc = svc;
        this.context = context;
        recompute();
        cw = mw;
    }

    private void recompute() {
        int g = 0;
        int max = 0;
        for (int i = 0, n = svc.destCount(); i < n; i++) {
            int w = svc.dest(i).weight();
            if (w > 0) {
                g = g > 0 ? gcd(w, g) : w;
            }
            if (w > max) {
                max = w;
            }
        }
        di = g > 0 ? g : 1;
        mw = max - (di - 1);
    }

    static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    private void destChanged() {
        cl = null;
        recompute();
        if (cw > mw || cw == 0) {
            cw = mw;
        } else if (di > 1) {
            cw = (cw / di) * di + 1;
        }
    }

    @Override
    public void addDest(RealServer dest) {
        destChanged();
    }

    @Override
    public void delDest(RealServer dest) {
        destChanged();
    }

    @Override
    public void updateDest(RealServer dest) {
        destChanged();
    }

    /** Current weight. */
    public int currentWeight() {
        return cw;
    }

    /** Max weight minus (gcd - 1). */
    public int maxWeight() {
        return mw;
    }

    /** gcd of the positive weights (1 if none). */
    public int gcdWeight() {
        return di;
    }

    /** The positioned server, null for the list head. */
    public RealServer position() {
        return cl;
    }

    @Override
    public RealServer schedule(Packet packet) {
        if (mw == 0) {
            explainNone("all weights are 0");
            return null;
        }
        RealServer last = cl;
        RealServer stop = null;
        boolean lastPass = false;
        boolean restarted = false;
        int start = cl == null ? 0 : cl.listIndex() + 1;
        int n = svc.destCount();
        while (true) {
            for (int i = start; i < n; i++) {
                RealServer d = svc.dest(i);
                if (!d.isOverloaded() && d.weight() >= cw) {
                    Explain ex = context.explain();
                    if (ex.enabled()) {
                        ex.line("wrr: cw=" + cw + " di=" + di + " mw=" + mw + ": " + d + " (weight " + d.weight()
                                + ", list position " + i + ") is the next with weight >= cw");
                    }
                    cl = d;
                    return d;
                }
                if (d == stop) {
                    cl = d;
                    explainNone("every server is overloaded (stopped at " + d + ")");
                    return null;
                }
            }
            start = 0;
            cw -= di;
            if (cw <= 0) {
                cw = mw;
                if (lastPass || last == null) {
                    cl = null;
                    explainNone("every server is overloaded");
                    return null;
                }
                restarted = true;
            }
            lastPass = cw <= di;
            if (lastPass && restarted && last != null) {
                stop = last;
            }
        }
    }

    private void explainNone(String why) {
        Explain ex = context.explain();
        if (ex.enabled()) {
            ex.line("wrr: no real server: " + why + " (cw=" + cw + " di=" + di + " mw=" + mw + ")");
        }
    }

    /** Registers wrr. */
    public static final class Provider implements SchedulerProvider {
        @Override
        public String name() {
            return "wrr";
        }

        @Override
        public Scheduler create(VirtualService service, SchedulerContext context) {
            return new WeightedRoundRobin(service, context);
        }
    }
}
