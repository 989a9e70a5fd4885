package org.lvslab.ipvs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IPVS sysctls under {@code /proc/sys/net/ipv4/vs/} with their kernel defaults
 * ({@code ip_vs_ctl.c}, {@code Documentation/networking/ipvs-sysctl.rst}). Only some change
 * decisions; the others are kept so that a scenario may set them as on a real kernel.
 */
public final class Sysctls {
    private final Map<String, Long> values = new LinkedHashMap<>();
    private Listener[] listeners = new Listener[0];

    /** Told about every {@link #set} (after the value changed), e.g. so the table can cache hot values. */
    @FunctionalInterface
    public interface Listener {
        void changed(String name, long value);
    }

    public Sysctls() {
        def("am_droprate", 10);
        def("amemthresh", 1024);
        def("backup_only", 0);
        def("cache_bypass", 0);
        def("conn_reuse_mode", 1);
        def("conntrack", 0);
        def("drop_entry", 0);
        def("drop_packet", 0);
        def("expire_nodest_conn", 0);
        def("expire_quiescent_template", 0);
        def("ignore_tunneled", 0);
        def("lblc_expiration", 86400);
        def("lblcr_expiration", 86400);
        def("nat_icmp_send", 0);
        def("pmtu_disc", 1);
        def("run_estimation", 1);
        def("schedule_icmp", 0);
        def("secure_tcp", 0);
        def("sloppy_sctp", 0);
        def("sloppy_tcp", 0);
        def("snat_reroute", 1);
        def("sync_persist_mode", 0);
        def("sync_ports", 1);
        def("sync_qlen_max", 0);
        def("sync_refresh_period", 0);
        def("sync_retries", 0);
        def("sync_sock_size", 0);
        def("sync_version", 1);
        def("est_nice", 0);
    }

    private void def(String name, long value) {
        values.put(name, value);
    }

    /** Whether {@code name} is a known IPVS sysctl. */
    public boolean isKnown(String name) {
        return values.containsKey(name);
    }

    public long get(String name) {
        Long v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown IPVS sysctl: " + name);
        }
        return v;
    }

    public void set(String name, long value) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("unknown IPVS sysctl: " + name);
        }
        values.put(name, value);
        for (Listener l : listeners) {
            l.changed(name, value);
        }
    }

    public void addListener(Listener l) {
        listeners = java.util.Arrays.copyOf(listeners, listeners.length + 1);
        listeners[listeners.length - 1] = l;
    }

    public Map<String, Long> all() {
        return java.util.Collections.unmodifiableMap(values);
    }

    public boolean expireNodestConn() { return get("expire_nodest_conn") != 0; }
    public boolean expireQuiescentTemplate() { return get("expire_quiescent_template") != 0; }
    public int connReuseMode() { return (int) get("conn_reuse_mode"); }
    public boolean sloppyTcp() { return get("sloppy_tcp") != 0; }
    public boolean sloppySctp() { return get("sloppy_sctp") != 0; }
    public boolean conntrack() { return get("conntrack") != 0; }
    public int secureTcp() { return (int) get("secure_tcp"); }
    public long lblcExpirationSeconds() { return get("lblc_expiration"); }
    public long lblcrExpirationSeconds() { return get("lblcr_expiration"); }
    public boolean runEstimation() { return get("run_estimation") != 0; }
    public boolean backupOnly() { return get("backup_only") != 0; }
    public boolean natIcmpSend() { return get("nat_icmp_send") != 0; }
}
