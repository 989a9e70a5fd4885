package org.lvslab.ipvsadm.kernel;

import org.lvslab.ipvs.Stats;

/** The counter set a kernel reply carries ({@code IPVS_STATS_ATTR_*}), as unsigned 64-bit values. */
public record StatsEntry(long conns, long inPkts, long outPkts, long inBytes, long outBytes,
        long cps, long inPps, long outPps, long inBps, long outBps) {

    public static final StatsEntry ZERO = new StatsEntry(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The values the kernel reports ({@code ip_vs_copy_stats}: as of the last estimator run, minus the -Z base). */
    public static StatsEntry of(Stats s) {
        return new StatsEntry(s.conns(), s.inPkts(), s.outPkts(), s.inBytes(), s.outBytes(),
                s.cps(), s.inPps(), s.outPps(), s.inBps(), s.outBps());
    }

    /**
     * What ipvsadm 1.31 makes of a real server's counters: it reads them with 32-bit accessors,
     * so everything but the byte counters keeps only its low 32 bits ({@code libipvs.c}).
     */
    public StatsEntry truncatedAsDestination() {
        long m = 0xffffffffL;
        return new StatsEntry(conns & m, inPkts & m, outPkts & m, inBytes, outBytes,
                cps & m, inPps & m, outPps & m, inBps & m, outBps & m);
    }
}
