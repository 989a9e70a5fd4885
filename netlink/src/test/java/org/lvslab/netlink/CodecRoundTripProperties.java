package org.lvslab.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lvslab.ipvs.AddressFamily;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.ForwardingMethod;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceKey;

/** Whatever a request encodes, the decoder reads back unchanged (and every message is 4-byte aligned). */
class CodecRoundTripProperties {
    private static final IpvsRequests REQ = new IpvsRequests(0x25);

    @Provide
    Arbitrary<IpAddress> addresses() {
        Arbitrary<IpAddress> v4 = Arbitraries.integers().map(IpAddress::ofV4);
        Arbitrary<IpAddress> v6 = Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(IpAddress::ofV6);
        return Arbitraries.oneOf(v4, v6);
    }

    @Provide
    Arbitrary<ServiceKey> keys() {
        Arbitrary<ServiceKey> byAddress = Combinators.combine(Arbitraries.of(Protocol.class), addresses(), Arbitraries.integers().between(0, 65535))
                .as(ServiceKey::of);
        Arbitrary<ServiceKey> byMark = Combinators.combine(Arbitraries.of(AddressFamily.class), Arbitraries.integers().filter(m -> m != 0))
                .as(ServiceKey::ofFwmark);
        return Arbitraries.oneOf(byAddress, byMark);
    }

    @Provide
    Arbitrary<ServiceConfig> services() {
        Arbitrary<String> sched = Arbitraries.of("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh", "twos", "none");
        Arbitrary<String> pe = Arbitraries.of("", "sip");
        Arbitrary<Integer> flags = Arbitraries.integers().between(0, 0x3F).map(f -> f & ~0x2);
        return Combinators.combine(keys(), sched, flags, Arbitraries.integers().between(0, 1 << 30), Arbitraries.integers(), pe)
                .as((k, s, f, t, mask, p) -> new ServiceConfig(k, s, f, t,
                        k.family() == AddressFamily.INET6 ? Math.floorMod(mask, 128) + 1 : mask, p));
    }

    @Provide
    Arbitrary<DestConfig> dests() {
        return Combinators.combine(addresses(), Arbitraries.integers().between(0, 65535), Arbitraries.of(ForwardingMethod.class),
                Arbitraries.integers().greaterOrEqual(0), Arbitraries.longs().between(0, 0xFFFFFFFFL), Arbitraries.longs().between(0, 0xFFFFFFFFL),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 65535))
                .as((a, port, fwd, w, u, l, tt, tp) -> new DestConfig(a, port, fwd, w, u, l, tt, tp, Math.floorMod(tp, 3)));
    }

    private static NetlinkMessage decode(byte[] m) {
        assertThat(m.length % 4).isZero();
        assertThat(NetlinkMessage.split(m)).hasSize(1);
        return NetlinkMessage.split(m).getFirst();
    }

    @Property
    void newServiceRoundTrips(@ForAll("services") ServiceConfig c) {
        NetlinkMessage m = decode(REQ.newService(5, c));
        assertThat(m.genlCommand()).isEqualTo(Ipvs.CMD_NEW_SERVICE);
        assertThat(IpvsReplies.serviceConfig(m.attributes().nested(Ipvs.CMD_ATTR_SERVICE, "SERVICE"))).isEqualTo(c);
    }

    @Property
    void editServiceRoundTrips(@ForAll("services") ServiceConfig c) {
        NetlinkMessage m = decode(REQ.editService(5, c));
        assertThat(IpvsReplies.serviceConfig(m.attributes().nested(Ipvs.CMD_ATTR_SERVICE, "SERVICE"))).isEqualTo(c);
    }

    @Property
    void destRequestsCarryTheServiceIdentityAndTheWholeDest(@ForAll("keys") ServiceKey k, @ForAll("dests") DestConfig d) {
        for (byte[] bytes : new byte[][] {REQ.newDest(9, k, d), REQ.editDest(9, k, d), REQ.deleteDest(9, k, d)}) {
            Attributes top = decode(bytes).attributes();
            assertThat(IpvsReplies.serviceKey(top.nested(Ipvs.CMD_ATTR_SERVICE, "SERVICE"))).isEqualTo(k);
            assertThat(IpvsReplies.destConfig(top.nested(Ipvs.CMD_ATTR_DEST, "DEST"), k.family())).isEqualTo(d);
        }
    }

    @Property
    void identityOnlyRequestsRoundTrip(@ForAll("keys") ServiceKey k) {
        for (byte[] bytes : new byte[][] {REQ.deleteService(3, k), REQ.dumpDests(3, k), REQ.zero(3, k), REQ.getService(3, k)}) {
            assertThat(IpvsReplies.serviceKey(decode(bytes).attributes().nested(Ipvs.CMD_ATTR_SERVICE, "SERVICE"))).isEqualTo(k);
        }
    }
}
