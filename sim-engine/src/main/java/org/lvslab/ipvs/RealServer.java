package org.lvslab.ipvs;

/**
 * A real server (the kernel's {@code ip_vs_dest}) inside one virtual service.
 *
 * <p>Schedulers read it; only the {@link IpvsTable} changes it. Counters follow the modelled
 * kernel: {@link #activeConns()} and {@link #inactiveConns()} always add up to the live
 * non-template connections bound here ({@code ip_vs_conn.c}: bind/unbind, state changes), and
 * {@link #overhead()} is the formula of the modelled kernel (CLASSIC {@code active*256 + inactive},
 * with "ipvs: add totalconns for dest" {@code active*256 + total}).
 */
public final class RealServer {
    /** The service it belongs to; a dest revived from the trash into a re-created service is re-bound. */
    VirtualService service;
    final IpAddress address;
    final int port;
    final boolean totalConnsOverhead;

    int weight;
    int lastWeight;
    long upperThreshold;
    long lowerThreshold;
    ForwardingMethod forwarding;
    int tunnelType;
    int tunnelPort;
    int tunnelFlags;
    boolean overloaded;
    boolean available;
    /** {@code conn_flags}: forwarding method | INACTIVE | NOOUTPUT (not NAT) [| ONE_PACKET via the old sockopt API]. */
    int connFlags;
    /** Effective lower threshold ({@code l_threshold_val}, profiles with overload-on-edit). */
    long lowerThresholdVal;

    int activeConns;
    int totalConns;      // non-template connections bound here (active + inactive)
    int persistConns;    // templates bound here
    int refs;            // kernel refcount beyond the owner's: conns, templates, scheduler tables, caches

    /** Position in the service's list, 0 = newest; maintained by the service. -1 when unlinked. */
    int listIndex = -1;
    /** Trash bookkeeping (jiffies when first seen idle in the trash; 0 = not yet). */
    long idleStart;

    final Stats stats = new Stats();

    RealServer(VirtualService service, IpAddress address, int port, boolean totalConnsOverhead) {
        this.service = service;
        this.address = address;
        this.port = port;
        this.totalConnsOverhead = totalConnsOverhead;
    }

    public VirtualService service() {
        return service;
    }

    public IpAddress address() {
        return address;
    }

    public int port() {
        return port;
    }

    public int weight() {
        return weight;
    }

    /** The last non-zero weight given by an edit (any weight on add); mh builds its table from it. */
    public int lastWeight() {
        return lastWeight;
    }

    public long upperThreshold() {
        return upperThreshold;
    }

    public long lowerThreshold() {
        return lowerThreshold;
    }

    public ForwardingMethod forwarding() {
        return forwarding;
    }

    public int tunnelType() {
        return tunnelType;
    }

    public int tunnelPort() {
        return tunnelPort;
    }

    public int tunnelFlags() {
        return tunnelFlags;
    }

    /** The OVERLOAD flag (set by the threshold logic). */
    public boolean isOverloaded() {
        return overloaded;
    }

    /** The AVAILABLE flag: linked in a service (false while in the trash). */
    public boolean isAvailable() {
        return available;
    }

    /** {@code !OVERLOAD && weight > 0}: what most schedulers require. */
    public boolean isEligible() {
        return !overloaded && weight > 0;
    }

    public int activeConns() {
        return activeConns;
    }

    public int inactiveConns() {
        return Math.max(totalConns - activeConns, 0);
    }

    public int totalConns() {
        return totalConns;
    }

    public int persistConns() {
        return persistConns;
    }

    /** Connection overhead of the modelled kernel, in 32-bit arithmetic as the kernel computes it. */
    public int overhead() {
        return totalConnsOverhead ? (activeConns << 8) + totalConns : (activeConns << 8) + inactiveConns();
    }

    /** Position in the service's list order (0 = newest, the first a scheduler sees). */
    public int listIndex() {
        return listIndex;
    }

    public Stats stats() {
        return stats;
    }

    /** The kernel's {@code conn_flags} word copied into each new connection ({@link ConnFlags}). */
    public int connFlags() {
        return connFlags;
    }

    /** Reference count held by connections, templates and scheduler state (0 = idle). */
    public int references() {
        return refs;
    }

    /** Schedulers that keep a dest in a table (dh, sh, mh, lblc, lblcr) hold a reference, as the kernel does. */
    public void hold() {
        refs++;
    }

    public void release() {
        if (refs <= 0) {
            throw new IllegalStateException("reference count of " + this + " would go negative");
        }
        refs--;
    }

    @Override
    public String toString() {
        return address.isV6() ? "[" + address + "]:" + port : address + ":" + port;
    }
}
