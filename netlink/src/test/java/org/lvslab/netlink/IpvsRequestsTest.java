package org.lvslab.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.AddressFamily;
import org.lvslab.ipvs.DaemonConfig;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.ForwardingMethod;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceFlags;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.ipvs.Timeouts;

/**
 * Every request of docs/ipvsadm-and-netlink.md 6.3 and 6.6 (captured from ipvsadm 1.31 + libnl
 * 3.7, family id 0x25, seq 1, pid 0) is built byte for byte.
 */
class IpvsRequestsTest {
    private static final IpvsRequests REQ = new IpvsRequests(0x25);
    private static final ServiceKey TCP_VIP = ServiceKey.of(Protocol.TCP, IpAddress.parse("192.168.0.1"), 80);

    @BeforeAll
    static void capturesAreLittleEndian() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the captures are from a little-endian host");
    }

    private static void assertBytes(byte[] actual, String resource) {
        byte[] expected = Hex.resource(resource);
        assertThat(actual).as("%s%nexpected:%s%nactual:%s", resource, Hex.dump(expected), Hex.dump(actual)).isEqualTo(expected);
    }

    @Test
    void familyLookupAsksTheControllerForIpvs() {
        assertBytes(IpvsRequests.getFamily(1, "IPVS"), "getfamily-ipvs.hex");
    }

    @Test
    void newServiceTcpRoundRobin() {
        assertBytes(REQ.newService(1, ServiceConfig.of(TCP_VIP, "rr")), "new-service-tcp-rr.hex");
    }

    @Test
    void newDestCarriesThePaddedServiceIdentityAndTheFullDestNest() {
        DestConfig d = DestConfig.of(IpAddress.parse("10.0.0.2"), 8080, ForwardingMethod.MASQ, 2);
        assertBytes(REQ.newDest(1, TCP_VIP, d), "new-dest-masq.hex");
    }

    @Test
    void newServiceFwmarkWithPersistenceAndNetmask() {
        ServiceConfig c = ServiceConfig.of(ServiceKey.ofFwmark(AddressFamily.INET, 1), "wlc").withPersistence(300, 0xFFFFFF00);
        assertBytes(REQ.newService(1, c), "new-service-fwmark-persistent.hex");
    }

    @Test
    void newServiceIpv6SendsThePrefixLengthInHostOrder() {
        ServiceKey k = ServiceKey.of(Protocol.UDP, IpAddress.parse("2001:db8::1"), 53);
        ServiceConfig c = ServiceConfig.of(k, "sh").withFlags(ServiceFlags.SCHED2).withPersistence(60, 64);
        assertBytes(REQ.newService(1, c), "new-service-ipv6-sh.hex");
    }

    @Test
    void serviceDumpIsABareDumpRequest() {
        assertBytes(REQ.dumpServices(1), "get-service-dump.hex");
    }

    @Test
    void destDumpCarriesOnlyTheServiceIdentity() {
        assertBytes(REQ.dumpDests(1, TCP_VIP), "get-dest-dump.hex");
    }

    @Test
    void delDestUsesIpvsadmDefaultsForTheIrrelevantFields() {
        assertBytes(REQ.deleteDest(1, TCP_VIP, IpAddress.parse("10.0.0.2"), 8080), "del-dest.hex");
    }

    @Test
    void setConfigCarriesTheThreeTimeouts() {
        assertBytes(REQ.setConfig(1, new Timeouts(900, 120, 300)), "set-config.hex");
    }

    @Test
    void newDaemonWithDefaultsSendsStateInterfaceAndSyncIdOnly() {
        assertBytes(REQ.newDaemon(1, DaemonConfig.of(DaemonConfig.MASTER, "eth0", 0)), "new-daemon-master.hex");
    }

    @Test
    void bareRequests() {
        assertBytes(REQ.zero(1, null), "zero-all.hex");
        assertBytes(REQ.flush(1), "flush.hex");
        assertBytes(REQ.getConfig(1), "get-config.hex");
        assertBytes(REQ.dumpDaemons(1), "get-daemon-dump.hex");
        assertBytes(REQ.getInfo(1), "get-info.hex");
    }

    @Test
    void editServiceDiffersFromNewServiceOnlyInTheCommandByte() {
        ServiceConfig c = ServiceConfig.of(TCP_VIP, "rr");
        byte[] add = REQ.newService(7, c);
        byte[] edit = REQ.editService(7, c);
        assertThat(edit[16]).isEqualTo((byte) Ipvs.CMD_SET_SERVICE);
        edit[16] = (byte) Ipvs.CMD_NEW_SERVICE;
        assertThat(edit).isEqualTo(add);
    }

    @Test
    void aPersistenceEngineNameFollowsTheSchedulerName() {
        ServiceConfig c = new ServiceConfig(TCP_VIP, "rr", ServiceFlags.PERSISTENT, 300, 0xFFFFFFFF, "sip");
        Attributes svc = NetlinkMessage.split(REQ.newService(1, c)).getFirst().attributes().nested(Ipvs.CMD_ATTR_SERVICE, "SERVICE");
        assertThat(svc.types()).containsExactly(Ipvs.SVC_ATTR_AF, Ipvs.SVC_ATTR_PROTOCOL, Ipvs.SVC_ATTR_ADDR, Ipvs.SVC_ATTR_PORT,
                Ipvs.SVC_ATTR_SCHED_NAME, Ipvs.SVC_ATTR_PE_NAME, Ipvs.SVC_ATTR_FLAGS, Ipvs.SVC_ATTR_TIMEOUT, Ipvs.SVC_ATTR_NETMASK);
        assertThat(svc.string(Ipvs.SVC_ATTR_PE_NAME, "pe")).isEqualTo("sip");
    }

    @Test
    void theSequenceNumberAndFamilyIdGoIntoTheHeader() {
        byte[] m = new IpvsRequests(0x123).flush(0x01020304);
        assertThat(m).startsWith(0x14, 0, 0, 0, 0x23, 0x01, 0x05, 0, 0x04, 0x03, 0x02, 0x01);
    }

    @Test
    void nestsWithoutTheNestedFlagForOldLibnlStyle() {
        byte[] m = new IpvsRequests(0x25, false).newService(1, ServiceConfig.of(TCP_VIP, "rr"));
        byte[] expected = Hex.resource("new-service-tcp-rr.hex");
        expected[0x17] = 0; // 0x80 -> 0x00: type 1 without NLA_F_NESTED
        assertThat(m).isEqualTo(expected);
    }

    @Test
    void overlongSchedulerNamesAreRefusedBeforeSending() {
        ServiceConfig c = ServiceConfig.of(TCP_VIP, "a-scheduler-name-too-long");
        assertThatThrownBy(() -> REQ.newService(1, c)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("15 characters");
    }
}
