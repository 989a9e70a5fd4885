package org.lvslab.ipvs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random mixes of packets, replies, time, admin edits and sysctl changes on both kernel profiles.
 * After every step: no counter is negative, and each real server's counters equal what the live
 * entries bound to it say (active, total, persistent, references). The same steps always give the
 * same sequence of table events.
 */
class TableInvariantProperties {
    static final ServiceKey TCP = Fixture.TCP80;
    static final ServiceKey UDP = Fixture.UDP53;
    static final String[] DESTS = {"10.1.0.1", "10.1.0.2", "10.1.0.3"};
    static final int[] FLAGS = {Packet.SYN, Packet.ACK, Packet.FIN | Packet.ACK, Packet.RST, Packet.PSH, Packet.SYN | Packet.ACK};

    @Provide
    Arbitrary<List<int[]>> steps() {
        Arbitrary<int[]> step = Arbitraries.integers().between(0, 9).flatMap(type ->
                Arbitraries.integers().between(0, 5).array(int[].class).ofSize(3).map(a -> new int[] {type, a[0], a[1], a[2]}));
        return step.list().ofMinSize(1).ofMaxSize(120);
    }

    private static Fixture build(String kernel, List<String> events) {
        Fixture f = new Fixture(kernel);
        f.service(TCP, "least");
        f.persistent(UDP, "least", 120, 0xFFFFFF00);
        ForwardingMethod[] fwd = {ForwardingMethod.MASQ, ForwardingMethod.DROUTE, ForwardingMethod.TUNNEL};
        for (int i = 0; i < DESTS.length; i++) {
            f.dest(TCP, DESTS[i], 80, fwd[i], 1);
            if (i < 2) {
                f.dest(UDP, DESTS[i], 53, fwd[i], 1);
            }
        }
        f.table.addObserver(new TableObserver() {
            public void connectionCreated(int id) {
                events.add(f.loop.now() + " + " + id + " " + f.conns().dest(id));
            }

            public void connectionExpired(int id) {
                events.add(f.loop.now() + " - " + id);
            }

            public void stateChanged(int id, int o, int n) {
                events.add(f.loop.now() + " s " + id + " " + o + ">" + n);
            }

            public void overloadChanged(RealServer d, boolean on) {
                events.add(f.loop.now() + " o " + d + " " + on);
            }
        });
        return f;
    }

    private static void apply(Fixture f, int[] s) {
        IpAddress client = IpAddress.ofV4(0xC0A80100 + s[1]);
        int sport = 1000 + s[2];
        ServiceKey svc = s[0] % 2 == 0 ? TCP : UDP;
        String dest = DESTS[s[3] % DESTS.length];
        switch (s[0]) {
            case 0, 1, 2 -> f.tcp(client, sport, TCP, FLAGS[s[3]]);
            case 3 -> f.udp(client, sport, UDP);
            case 4 -> {
                int[] ids = f.conns().liveIds();
                if (ids.length > 0) {
                    int id = ids[(s[1] * 6 + s[2]) % ids.length];
                    ConnectionTable c = f.conns();
                    if (!c.isTemplate(id) && c.dest(id) != null) {
                        f.table.outbound(f.packet.set(c.protocol(id), c.dest(id).address(), c.destPort(id),
                                c.clientAddress(id), c.clientPort(id), FLAGS[s[3]]));
                    }
                }
            }
            case 5 -> f.advance(s[1] * 40 + s[2] * 7 + s[3] * 0.5);
            case 6 -> f.table.editDest(svc, DestConfig.of(IpAddress.parse(dest), svc.port(), ForwardingMethod.DROUTE, s[1] % 3)
                    .withThresholds(s[2] % 4, 0));
            case 7 -> f.table.deleteDest(svc, IpAddress.parse(dest), svc.port());
            case 8 -> f.table.addDest(svc, DestConfig.of(IpAddress.parse(dest), svc.port(), ForwardingMethod.MASQ, 1 + s[1] % 2));
            case 9 -> {
                String[] names = {"expire_nodest_conn", "conn_reuse_mode", "expire_quiescent_template", "sloppy_tcp"};
                f.table.sysctls().set(names[s[1] % names.length], s[2] % 4);
            }
            default -> throw new IllegalStateException();
        }
    }

    private static void checkCounters(Fixture f) {
        Set<RealServer> all = new LinkedHashSet<>(f.table.trash());
        for (VirtualService s : f.table.services()) {
            all.addAll(s.dests());
        }
        Map<RealServer, int[]> seen = new IdentityHashMap<>();
        ConnectionTable c = f.conns();
        for (int id : c.liveIds()) {
            RealServer d = c.dest(id);
            if (d == null) {
                continue;
            }
            assertThat(all).as("entries only point at linked or trashed dests").contains(d);
            int[] n = seen.computeIfAbsent(d, k -> new int[3]);
            if (c.isTemplate(id)) {
                n[2]++;
            } else {
                n[1]++;
                if (c.isActive(id)) {
                    n[0]++;
                }
            }
        }
        for (RealServer d : all) {
            int[] n = seen.getOrDefault(d, new int[3]);
            assertThat(d.activeConns()).as("active of %s", d).isNotNegative().isEqualTo(n[0]);
            assertThat(d.totalConns()).as("active+inactive of %s", d).isEqualTo(d.activeConns() + d.inactiveConns()).isEqualTo(n[1]);
            assertThat(d.inactiveConns()).isNotNegative();
            assertThat(d.persistConns()).as("persistent of %s", d).isNotNegative().isEqualTo(n[2]);
            assertThat(d.references()).isEqualTo(n[1] + n[2]);
        }
    }

    @Property(tries = 150)
    void countersNeverGoNegativeAndAlwaysMatchTheLiveEntries(@ForAll("steps") List<int[]> steps, @ForAll boolean classic) {
        Fixture f = build(classic ? "6.1.170" : "6.12.117", new ArrayList<>());
        for (int[] s : steps) {
            apply(f, s);
            checkCounters(f);
        }
        f.advance(100_000);
        checkCounters(f);
        assertThat(f.conns().size()).as("everything expires in the end").isZero();
    }

    @Property(tries = 60)
    void theSameStepsGiveTheSameEventSequence(@ForAll("steps") List<int[]> steps) {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        Fixture a = build("6.12.117", first);
        Fixture b = build("6.12.117", second);
        for (int[] s : steps) {
            apply(a, s);
            apply(b, s);
        }
        a.advance(5000);
        b.advance(5000);
        assertThat(second).isEqualTo(first);
    }
}
