package org.lvslab.ipvs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The connection table's lookup indexes against a plain model (per key, its hashed entries in
 * creation order): random mixes of creating (and hashing) entries, unhashing them and freeing them
 * over a key space small enough for many equal keys and long probe clusters, large enough for
 * clusters that wrap around the end of an index and for several doublings. After every step each
 * key used so far finds the newest hashed entry with that key, or nothing, in both indexes.
 */
class ConnectionTableIndexProperties {
    static final int CLIENTS = 40;
    static final IpAddress VIP = IpAddress.parse("10.0.0.1");
    static final IpAddress VIP6 = IpAddress.parse("fd00::1");
    static final RealServer[] DESTS = {null, new RealServer(null, IpAddress.parse("10.1.0.1"), 80, false),
            new RealServer(null, IpAddress.parse("10.1.0.2"), 80, false)};

    /** A key: template bit, protocol, client, client port, virtual port, real server, forwarding code. */
    record Key(boolean template, int proto, int client, int cport, int vport, int dest, int fwd) {
        IpAddress caddr() {
            // the last few clients are IPv6
            return client < CLIENTS - 4 ? IpAddress.ofV4(0xC0A80100 + client) : IpAddress.ofV6(0xFD00L << 48, client);
        }

        IpAddress vaddr() {
            return caddr().isV6() ? VIP6 : VIP;
        }

        boolean nat() {
            return !template && fwd == 0 && DESTS[dest] != null;
        }

        /** The client-side lookup key. */
        Key in() {
            return new Key(template, proto, client, cport, vport, 0, 0);
        }

        /** The NAT reply lookup key. */
        Key out() {
            return new Key(false, proto, client, cport, 0, dest, 0);
        }
    }

    record Entry(int id, Key key) {
    }

    @Provide
    Arbitrary<List<int[]>> steps() {
        // op (0-5: create, 6: unhash, 7-8: free), then the key digits, then a pick among live entries
        Arbitrary<int[]> step = Arbitraries.integers().between(0, 8).flatMap(op ->
                Arbitraries.integers().between(0, 9999).array(int[].class).ofSize(8).map(a -> new int[] {op,
                        a[0] % 8 == 0 ? 1 : 0, a[1] % 2, a[2] % CLIENTS, a[3] % 4, a[4] % 2, a[5] % 3, a[6] % 2, a[7]}));
        return step.list().ofMinSize(1).ofMaxSize(600);
    }

    @Property(tries = 100)
    void everyKeyFindsTheNewestHashedEntryWithItsKey(@ForAll("steps") List<int[]> steps) {
        ConnectionTable t = new ConnectionTable();
        List<Entry> live = new ArrayList<>();
        Map<Key, List<Entry>> in = new LinkedHashMap<>();
        Map<Key, List<Entry>> out = new LinkedHashMap<>();
        for (int[] s : steps) {
            if (s[0] <= 5) {
                boolean tpl = s[1] == 1;
                Key k = new Key(tpl, s[2] == 0 ? 6 : 17, s[3], tpl ? 0 : s[4], 80 + s[5], s[6], s[7] == 0 ? 0 : 3);
                IpAddress c = k.caddr();
                IpAddress v = k.vaddr();
                int f = (tpl ? ConnFlags.TEMPLATE : 0) | k.fwd;
                int id = t.allocate(f, c.isV6(), k.proto, c.hi(), c.lo(), k.cport, v.hi(), v.lo(), k.vport, 80, DESTS[k.dest], 0);
                t.index(id);
                Entry e = new Entry(id, k);
                live.add(e);
                in.computeIfAbsent(k.in(), x -> new ArrayList<>()).add(e);
                if (k.nat()) {
                    out.computeIfAbsent(k.out(), x -> new ArrayList<>()).add(e);
                } else {
                    out.putIfAbsent(k.out(), new ArrayList<>());
                }
            } else if (!live.isEmpty()) {
                Entry e = live.get(s[8] % live.size());
                in.get(e.key.in()).remove(e);
                out.get(e.key.out()).remove(e);
                if (s[0] == 6) {
                    t.unindex(e.id);
                } else {
                    t.free(e.id);
                    live.remove(e);
                }
            }
            for (Map.Entry<Key, List<Entry>> m : in.entrySet()) {
                Key k = m.getKey();
                IpAddress ca = k.caddr();
                IpAddress va = k.vaddr();
                assertThat(t.findIn(k.template, k.proto, ca.isV6(), ca.hi(), ca.lo(), k.cport, va.hi(), va.lo(), k.vport))
                        .as("in %s", k).isEqualTo(newest(m.getValue()));
            }
            for (Map.Entry<Key, List<Entry>> m : out.entrySet()) {
                Key k = m.getKey();
                if (k.dest == 0) {
                    continue;
                }
                IpAddress ca = k.caddr();
                IpAddress da = DESTS[k.dest].address();
                assertThat(t.findOut(k.proto, ca.isV6(), ca.hi(), ca.lo(), k.cport, da.hi(), da.lo(), 80))
                        .as("out %s", k).isEqualTo(newest(m.getValue()));
            }
        }
        assertThat(t.size()).isEqualTo(live.size());
    }

    private static int newest(List<Entry> hashed) {
        return hashed.isEmpty() ? -1 : hashed.get(hashed.size() - 1).id;
    }
}
