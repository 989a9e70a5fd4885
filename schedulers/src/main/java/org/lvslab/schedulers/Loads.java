package org.lvslab.schedulers;

import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.VirtualService;

/** The weighted-least-connection scan shared by wlc, lblc and lblcr. */
final class Loads {
    private Loads() {
    }

    /**
     * The wlc choice ({@code ip_vs_wlc.c}, and the identical {@code __ip_vs_lblc_schedule} /
     * {@code __ip_vs_lblcr_schedule}): the first real server in list order that is not
     * overloaded and has weight &gt; 0 starts; a later one that is not overloaded replaces it when
     * {@code overhead(least) * w > overhead(d) * w(least)} in signed 64-bit. Strict, so on an exact
     * ratio tie the earlier (newer) server stays; a later weight-0 server can never win.
     */
    static RealServer weightedLeast(VirtualService svc) {
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
        int loh = least.overhead();
        for (i++; i < n; i++) {
            RealServer d = svc.dest(i);
            if (d.isOverloaded()) {
                continue;
            }
            int doh = d.overhead();
            if ((long) loh * d.weight() > (long) doh * least.weight()) {
                least = d;
                loh = doh;
            }
        }
        return least;
    }

    /**
     * The locality schedulers' "is this server overloaded" heuristic ({@code is_overloaded} in
     * {@code ip_vs_lblc.c} / {@code ip_vs_lblcr.c}): more active connections than its weight while
     * some linked server (any flags, any weight, itself included) has {@code 2*active < weight}.
     */
    static boolean localityOverloaded(RealServer dest, VirtualService svc) {
        if (dest.activeConns() > dest.weight()) {
            for (int i = 0, n = svc.destCount(); i < n; i++) {
                RealServer d = svc.dest(i);
                if (d.activeConns() * 2 < d.weight()) {
                    return true;
                }
            }
        }
        return false;
    }
}
