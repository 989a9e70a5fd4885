package org.lvslab.ipvs;

/** What IPVS did with an inbound packet ({@code ip_vs_in_hook}). */
public enum Verdict {
    /** Handled by IPVS and forwarded to a real server over a connection entry. */
    FORWARDED,
    /** Not for IPVS (no service, no entry and not schedulable): passed to the local stack. */
    ACCEPTED,
    /** Dropped silently (e.g. a packet of a connection whose real server was deleted). */
    DROPPED,
    /** No real server available: ICMP (port) unreachable sent to the client, packet dropped. */
    REJECTED
}
