package org.lvslab.schedulers;

import java.util.function.ToLongFunction;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.VirtualService;

/** Text for explain mode only (never on the pick's fast path): the candidates a scan compared. */
final class Explanations {
    private Explanations() {
    }

    /**
     * The real servers in list order as {@code addr w=W load=L}, with the reason a scheduler skips
     * one ({@code overloaded}, {@code weight 0}) instead of its load.
     */
    static String candidates(VirtualService svc, String loadName, ToLongFunction<RealServer> load) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0, n = svc.destCount(); i < n; i++) {
            RealServer d = svc.dest(i);
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(d).append(" w=").append(d.weight());
            if (d.isOverloaded()) {
                sb.append(" overloaded");
            } else if (d.weight() <= 0) {
                sb.append(" skipped");
            } else {
                sb.append(' ').append(loadName).append('=').append(load.applyAsLong(d));
            }
        }
        return sb.append(']').toString();
    }

    /** Whether another eligible server had exactly the chosen one's ratio (so list order decided). */
    static boolean tied(VirtualService svc, RealServer chosen, ToLongFunction<RealServer> load) {
        long cl = load.applyAsLong(chosen);
        for (int i = 0, n = svc.destCount(); i < n; i++) {
            RealServer d = svc.dest(i);
            if (d != chosen && !d.isOverloaded() && d.weight() > 0
                    && cl * d.weight() == load.applyAsLong(d) * chosen.weight()) {
                return true;
            }
        }
        return false;
    }
}
