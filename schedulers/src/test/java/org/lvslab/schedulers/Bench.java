package org.lvslab.schedulers;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.Testbed;
import org.lvslab.ipvs.sched.Scheduler;
import org.lvslab.ipvs.sched.SchedulerProvider;
import org.lvslab.ipvs.sched.SchedulerRegistry;

/** Test helper: a {@link Testbed} with named real servers and the registry's providers. */
final class Bench {
    static final KernelProfile NEW = KernelProfile.of("6.12.117");
    static final KernelProfile CLASSIC = KernelProfile.of("6.1.170");
    static final SchedulerRegistry REGISTRY = SchedulerRegistry.load();

    final Testbed tb;
    private final Map<RealServer, String> names = new IdentityHashMap<>();
    private int next = 1;

    Bench(KernelProfile profile) {
        tb = Testbed.tcp(profile);
    }

    static Bench create() {
        return new Bench(NEW);
    }

    static SchedulerProvider provider(String name) {
        SchedulerProvider p = REGISTRY.find(name);
        if (p == null) {
            throw new AssertionError("scheduler " + name + " is not registered");
        }
        return p;
    }

    Scheduler bind(String scheduler) {
        return tb.bind(provider(scheduler));
    }

    /** Adds a real server 10.1.0.N:80 named {@code name} at the front of the list. */
    RealServer add(String name, int weight) {
        RealServer d = tb.add("10.1.0." + next++ + ":80", weight);
        names.put(d, name);
        return d;
    }

    String name(RealServer d) {
        return d == null ? "none" : names.getOrDefault(d, d.toString());
    }

    /** One pick from a fixed client, without changing counters. */
    String pick() {
        return name(tb.schedule("172.16.1.1", 10000));
    }

    /** {@code n} picks without changing counters. */
    List<String> picks(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(pick());
        }
        return out;
    }

    /** A pick for a packet to {@code daddr} from {@code saddr}:{@code sport}. */
    String pickFor(String saddr, int sport, String daddr) {
        Packet p = new Packet().set(Protocol.TCP, IpAddress.parse(saddr), sport, IpAddress.parse(daddr), 80, Packet.SYN);
        return name(tb.schedule(p));
    }

    /** List order as names (newest first). */
    List<String> order() {
        List<String> out = new ArrayList<>();
        for (RealServer d : tb.dests()) {
            out.add(name(d));
        }
        return out;
    }
}
