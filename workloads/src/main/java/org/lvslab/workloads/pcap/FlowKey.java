package org.lvslab.workloads.pcap;

/** A flow's 5-tuple in client-to-server orientation; mutable so lookups reuse one probe. */
final class FlowKey {
    int proto;
    boolean v6;
    long srcHi;
    long srcLo;
    long dstHi;
    long dstLo;
    int sport;
    int dport;

    FlowKey set(int proto, boolean v6, long sh, long sl, int sp, long dh, long dl, int dp) {
        this.proto = proto;
        this.v6 = v6;
        this.srcHi = sh;
        this.srcLo = sl;
        this.sport = sp;
        this.dstHi = dh;
        this.dstLo = dl;
        this.dport = dp;
        return this;
    }

    FlowKey reverse(FlowKey into) {
        return into.set(proto, v6, dstHi, dstLo, dport, srcHi, srcLo, sport);
    }

    FlowKey copy() {
        return new FlowKey().set(proto, v6, srcHi, srcLo, sport, dstHi, dstLo, dport);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowKey k && k.proto == proto && k.v6 == v6 && k.srcHi == srcHi && k.srcLo == srcLo
                && k.dstHi == dstHi && k.dstLo == dstLo && k.sport == sport && k.dport == dport;
    }

    @Override
    public int hashCode() {
        long h = srcLo * 0x9E3779B97F4A7C15L + dstLo;
        h = h * 31 + srcHi + dstHi * 7;
        h = h * 31 + ((long) sport << 16 | dport) + proto;
        return (int) (h ^ (h >>> 32));
    }
}
