package org.lvslab.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.AddressFamily;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.ForwardingMethod;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceFlags;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.ipvsadm.kernel.DestEntry;
import org.lvslab.ipvsadm.kernel.ServiceEntry;
import org.lvslab.ipvsadm.kernel.StatsEntry;

/** The replies of docs/ipvsadm-and-netlink.md 6.7 decode to what they describe. */
class IpvsRepliesTest {
    @BeforeAll
    static void repliesAreLittleEndian() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the examples are from a little-endian host");
    }

    private static NetlinkMessage only(String resource) {
        List<NetlinkMessage> ms = NetlinkMessage.split(Hex.resource(resource));
        assertThat(ms).hasSize(1);
        return ms.getFirst();
    }

    @Test
    void anAckIsAnErrorMessageWithErrnoZeroAndTheRequestsHeader() {
        NetlinkMessage m = only("reply-ack.hex");
        assertThat(m.isError()).isTrue();
        assertThat(m.errno()).isZero();
        assertThat(m.seq()).isEqualTo(1);
        assertThat(m.portId()).isEqualTo(12345);
        assertThat(m.payload().getInt(4)).as("copied nlmsg_len of the request").isEqualTo(104);
    }

    @Test
    void anErrorCarriesTheNegatedErrnoAndTheWholeRequest() {
        NetlinkMessage m = only("reply-error-eexist.hex");
        assertThat(m.errno()).isEqualTo(17);
        byte[] echoed = new byte[m.payload().limit() - 4];
        m.payload().get(4, echoed);
        assertThat(echoed).isEqualTo(Hex.resource("new-service-tcp-rr.hex"));
    }

    @Test
    void doneEndsADumpWithoutError() {
        NetlinkMessage m = only("reply-done.hex");
        assertThat(m.isDone()).isTrue();
        assertThat(m.flags() & Netlink.NLM_F_MULTI).isNotZero();
        assertThat(m.errno()).isZero();
    }

    @Test
    void getInfoReplyGivesVersionAndConnectionTableSize() {
        NetlinkMessage m = only("reply-get-info.hex");
        assertThat(m.genlCommand()).isEqualTo(Ipvs.CMD_SET_INFO);
        IpvsInfo info = IpvsReplies.info(m.attributes());
        assertThat(info).isEqualTo(new IpvsInfo(0x00010201, 4096));
        assertThat(info.versionString()).isEqualTo("1.2.1");
    }

    @Test
    void aDumpedServiceDecodesWithHashedFlagAndZeroCounters() {
        NetlinkMessage m = only("reply-service.hex");
        assertThat(m.type()).isEqualTo(0x25);
        assertThat(m.genlCommand()).isEqualTo(Ipvs.CMD_NEW_SERVICE);
        ServiceEntry e = IpvsReplies.service(m.attributes().nested(Ipvs.CMD_ATTR_SERVICE, "SERVICE"));
        assertThat(e.key()).isEqualTo(ServiceKey.of(Protocol.TCP, IpAddress.parse("192.168.0.1"), 80));
        assertThat(e.protocol()).isEqualTo(6);
        assertThat(e.scheduler()).isEqualTo("rr");
        assertThat(e.flags()).isEqualTo(ServiceFlags.HASHED);
        assertThat(e.netmask()).isEqualTo(0xFFFFFFFF);
        assertThat(e.peName()).isEmpty();
        assertThat(e.stats()).isEqualTo(StatsEntry.ZERO);
        assertThat(IpvsReplies.toConfig(e)).as("HASHED is the kernel's, not configuration")
                .isEqualTo(ServiceConfig.of(e.key(), "rr"));
    }

    @Test
    void aDumpedRealServerDecodesAddressPortMethodAndWeight() {
        NetlinkMessage m = only("reply-dest.hex");
        assertThat(m.genlCommand()).isEqualTo(Ipvs.CMD_NEW_DEST);
        DestEntry d = IpvsReplies.dest(m.attributes().nested(Ipvs.CMD_ATTR_DEST, "DEST"), AddressFamily.INET);
        assertThat(d.address()).isEqualTo(IpAddress.parse("10.0.0.2"));
        assertThat(d.port()).isEqualTo(8080);
        assertThat(d.forwarding()).isEqualTo(ForwardingMethod.MASQ.code());
        assertThat(d.weight()).isEqualTo(2);
        assertThat(d.activeConns()).isZero();
        assertThat(IpvsReplies.toConfig(d)).isEqualTo(DestConfig.of(IpAddress.parse("10.0.0.2"), 8080, ForwardingMethod.MASQ, 2));
    }

    @Test
    void severalMessagesInOneDatagramAreSplitInOrder() {
        byte[] svc = Hex.resource("reply-service.hex");
        byte[] done = Hex.resource("reply-done.hex");
        byte[] both = Arrays.copyOf(svc, svc.length + done.length);
        System.arraycopy(done, 0, both, svc.length, done.length);
        List<NetlinkMessage> ms = NetlinkMessage.split(both);
        assertThat(ms).extracting(NetlinkMessage::type).containsExactly(0x25, Netlink.NLMSG_DONE);
    }

    @Test
    void aMessageLongerThanItsDatagramIsAFormatError() {
        byte[] svc = Hex.resource("reply-service.hex");
        assertThatThrownBy(() -> NetlinkMessage.split(svc, svc.length - 4)).isInstanceOf(NetlinkFormatException.class)
                .hasMessageContaining("has length 320");
    }

    @Test
    void anAttributeRunningPastItsNestIsAFormatError() {
        byte[] svc = Hex.resource("reply-service.hex");
        svc[0x18] = (byte) 0xF0; // the AF attribute claims 0x1f0 = 496 bytes inside a 300-byte nest
        svc[0x19] = 0x01;
        NetlinkMessage m = NetlinkMessage.split(svc).getFirst();
        assertThat(m.attributes().has(Ipvs.CMD_ATTR_SERVICE)).isTrue();
        assertThatThrownBy(() -> m.attributes().nested(Ipvs.CMD_ATTR_SERVICE, "SERVICE").types())
                .isInstanceOf(NetlinkFormatException.class);
    }

    @Test
    void statsWithPadAttributesAndMixedWidthsDecode() {
        byte[] m = new MessageWriter(0x25, 0, 1, 0).genl(1, 1).begin(Ipvs.SVC_ATTR_STATS)
                .u32(1, 5).bytes(Ipvs.STATS_ATTR_PAD, new byte[0]).u64(4, 1L << 40).u32(10, -1).end().finish();
        StatsEntry s = IpvsReplies.stats(NetlinkMessage.split(m).getFirst().attributes().nested(Ipvs.SVC_ATTR_STATS, "STATS"));
        assertThat(s.conns()).isEqualTo(5);
        assertThat(s.inBytes()).isEqualTo(1L << 40);
        assertThat(s.outBps()).as("u32 counters are unsigned").isEqualTo(0xFFFFFFFFL);
    }

    @Test
    void aRealServerWithoutAddressFamilyTakesTheServicesFamily() {
        byte[] m = new MessageWriter(0x25, 0, 1, 0).genl(Ipvs.CMD_NEW_DEST, 1).begin(Ipvs.CMD_ATTR_DEST)
                .bytes(Ipvs.DEST_ATTR_ADDR, IpAddress.parse("fd00::5").toBytes()).u16be(Ipvs.DEST_ATTR_PORT, 443)
                .u32(Ipvs.DEST_ATTR_FWD_METHOD, 3).u32(Ipvs.DEST_ATTR_WEIGHT, 9).end().finish();
        DestEntry d = IpvsReplies.dest(NetlinkMessage.split(m).getFirst().attributes().nested(Ipvs.CMD_ATTR_DEST, "DEST"), AddressFamily.INET6);
        assertThat(d.address()).isEqualTo(IpAddress.parse("fd00::5"));
        assertThat(d.forwarding()).isEqualTo(3);
        assertThat(d.tunnelType()).isZero();
    }

    @Test
    void theFamilyIdComesFromTheControllersNewFamilyReply() {
        byte[] m = new MessageWriter(Netlink.GENL_ID_CTRL, 0, 1, 0).genl(Netlink.CTRL_CMD_NEWFAMILY, 2)
                .u16(Netlink.CTRL_ATTR_FAMILY_ID, 0x23).string(Netlink.CTRL_ATTR_FAMILY_NAME, "IPVS").u32(Netlink.CTRL_ATTR_VERSION, 1)
                .finish();
        assertThat(IpvsReplies.familyId(NetlinkMessage.split(m).getFirst())).isEqualTo(0x23);
    }
}
