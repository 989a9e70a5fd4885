package org.lvslab.ipvs;

import java.util.ArrayList;
import java.util.List;
import org.lvslab.ipvs.sched.Scheduler;

/**
 * A virtual service (the kernel's {@code ip_vs_service}). Its real servers are kept in the
 * kernel's list order: a newly added (or revived) real server goes to the front, edits never move
 * one ({@code ip_vs_ctl.c}: {@code __ip_vs_update_dest}, {@code list_add_rcu}).
 */
public final class VirtualService {
    final ServiceKey key;
    int flags;
    long timeoutJiffies;
    /** IPv4: a 32-bit mask; IPv6: a prefix length. */
    int netmask;
    String schedulerName = "none";
    Scheduler scheduler;
    String peName = "";
    final ArrayList<RealServer> dests = new ArrayList<>();
    final Stats stats = new Stats();
    /** Table-side state: the scheduler's context of the current binding and the service's random stream. */
    TableSchedulerContext context;
    org.lvslab.ipvs.sched.RandomSource random;

    VirtualService(ServiceKey key) {
        this.key = key;
    }

    public ServiceKey key() {
        return key;
    }

    public int flags() {
        return flags;
    }

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    public boolean isPersistent() {
        return (flags & ServiceFlags.PERSISTENT) != 0;
    }

    /** Persistence timeout in jiffies. */
    public long timeoutJiffies() {
        return timeoutJiffies;
    }

    public int netmask() {
        return netmask;
    }

    /** The bound scheduler's kernel name, or "none". */
    public String schedulerName() {
        return schedulerName;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** Persistence engine name, "" for none. */
    public String peName() {
        return peName;
    }

    /** Number of linked real servers. */
    public int destCount() {
        return dests.size();
    }

    /** The i-th real server in kernel list order (0 = most recently added). */
    public RealServer dest(int i) {
        return dests.get(i);
    }

    /** A read-only view of the real servers in kernel list order. */
    public List<RealServer> dests() {
        return java.util.Collections.unmodifiableList(dests);
    }

    public RealServer findDest(IpAddress address, int port) {
        for (int i = 0, n = dests.size(); i < n; i++) {
            RealServer d = dests.get(i);
            if (d.port == port && d.address.equals(address)) {
                return d;
            }
        }
        return null;
    }

    public Stats stats() {
        return stats;
    }

    void linkFront(RealServer d) {
        dests.add(0, d);
        renumber();
    }

    void unlink(RealServer d) {
        dests.remove(d);
        d.listIndex = -1;
        renumber();
    }

    private void renumber() {
        for (int i = 0, n = dests.size(); i < n; i++) {
            dests.get(i).listIndex = i;
        }
    }

    @Override
    public String toString() {
        if (key.isFwmark()) {
            return "FWM " + key.fwmark();
        }
        String a = key.address().isV6() ? "[" + key.address() + "]" : key.address().toString();
        return key.protocol().label() + " " + a + ":" + key.port();
    }
}
