package org.lvslab.netlink.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.AddressFamily;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.Errno;
import org.lvslab.ipvs.ForwardingMethod;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.ipvs.Timeouts;
import org.lvslab.ipvsadm.kernel.DestEntry;
import org.lvslab.ipvsadm.kernel.ServiceEntry;
import org.lvslab.netlink.Ipvs;
import org.lvslab.netlink.NetlinkMessage;

/** The client and the kernel adapter against an emulated kernel: the whole exchange, bytes included. */
class NetlinkKernelTest {
    private static final ServiceKey VIP = ServiceKey.of(Protocol.TCP, IpAddress.parse("10.0.0.1"), 80);

    private static DestConfig masq(String ip, int w) {
        return DestConfig.of(IpAddress.parse(ip), 80, ForwardingMethod.MASQ, w);
    }

    @Test
    void theFamilyIdIsResolvedThroughTheControllerAndUsedForEveryRequest() {
        EmulatedKernel k = new EmulatedKernel();
        NetlinkKernel nk = new NetlinkKernel(new IpvsClient(k));
        assertThat(nk.client().familyId()).isEqualTo(EmulatedKernel.FAMILY);
        nk.flush();
        assertThat(NetlinkMessage.split(k.received.getFirst()).getFirst().type()).isEqualTo(0x10);
        NetlinkMessage flush = NetlinkMessage.split(k.received.getLast()).getFirst();
        assertThat(flush.type()).isEqualTo(EmulatedKernel.FAMILY);
        assertThat(flush.genlCommand()).isEqualTo(Ipvs.CMD_FLUSH);
        assertThat(flush.seq()).as("a fresh sequence number per request").isEqualTo(2);
    }

    @Test
    void mutationsReturnTheKernelsErrno() {
        NetlinkKernel nk = new NetlinkKernel(new IpvsClient(new EmulatedKernel()));
        assertThat(nk.addService(ServiceConfig.of(VIP, "rr"))).isZero();
        assertThat(nk.addService(ServiceConfig.of(VIP, "rr"))).isEqualTo(Errno.EEXIST);
        assertThat(nk.addDest(VIP, masq("10.1.0.1", 1))).isZero();
        assertThat(nk.deleteDest(VIP, IpAddress.parse("10.1.0.9"), 80)).isEqualTo(Errno.ENOENT);
        assertThat(nk.addService(ServiceConfig.of(VIP, "no-such-sched").withFlags(0))).isNotZero();
    }

    @Test
    void aDumpSpreadOverSeveralDatagramsKeepsTheKernelsListOrder() {
        EmulatedKernel k = new EmulatedKernel();
        k.dumpMessagesPerDatagram = 1;
        NetlinkKernel nk = new NetlinkKernel(new IpvsClient(k));
        nk.addService(ServiceConfig.of(VIP, "wrr"));
        for (int i = 1; i <= 5; i++) {
            nk.addDest(VIP, masq("10.1.0." + i, i));
        }
        List<DestEntry> dests = nk.dests(VIP);
        assertThat(dests).extracting(d -> d.address().toString())
                .containsExactly("10.1.0.5", "10.1.0.4", "10.1.0.3", "10.1.0.2", "10.1.0.1");
        assertThat(dests).extracting(DestEntry::weight).containsExactly(5, 4, 3, 2, 1);
    }

    @Test
    void servicesOfAllKindsComeBackAsConfigured() {
        EmulatedKernel k = new EmulatedKernel();
        NetlinkKernel nk = new NetlinkKernel(new IpvsClient(k));
        ServiceConfig v6 = ServiceConfig.of(ServiceKey.of(Protocol.UDP, IpAddress.parse("fd00::1"), 53), "sh").withPersistence(60, 64);
        ServiceConfig fw = ServiceConfig.of(ServiceKey.ofFwmark(AddressFamily.INET, 7), "wlc").withPersistence(300, 0xFFFFFF00);
        assertThat(nk.addService(v6)).isZero();
        assertThat(nk.addService(fw)).isZero();
        List<ServiceEntry> all = nk.services();
        assertThat(all).hasSize(2);
        assertThat(all).extracting(org.lvslab.netlink.IpvsReplies::toConfig).containsExactlyInAnyOrder(v6, fw);
        assertThat(nk.service(fw.key()).netmask()).isEqualTo(0xFFFFFF00);
        assertThat(nk.service(VIP)).as("GET_SERVICE of a missing service is ESRCH").isNull();
    }

    @Test
    void timeoutsAndInfoAreReadWithDoRequests() {
        NetlinkKernel nk = new NetlinkKernel(new IpvsClient(new EmulatedKernel()));
        assertThat(nk.timeouts()).isEqualTo(Timeouts.DEFAULT);
        assertThat(nk.setTimeouts(1000, 0, 0)).isZero();
        assertThat(nk.timeouts()).isEqualTo(new Timeouts(1000, 120, 300));
        assertThat(nk.connectionTableSize()).isEqualTo(4096);
    }

    @Test
    void answersWithAStaleSequenceNumberAreSkipped() {
        EmulatedKernel k = new EmulatedKernel();
        k.staleNoise = true;
        NetlinkKernel nk = new NetlinkKernel(new IpvsClient(k));
        assertThat(nk.addService(ServiceConfig.of(VIP, "rr"))).as("the stale EEXIST is not ours").isZero();
        assertThat(nk.services()).hasSize(1);
    }

    @Test
    void aMissingIpvsFamilyExplainsThatTheModuleIsNotLoaded() {
        EmulatedKernel k = new EmulatedKernel();
        k.ipvsLoaded = false;
        assertThatThrownBy(() -> new IpvsClient(k)).isInstanceOf(NetlinkException.class)
                .hasMessageContaining("ip_vs module is not loaded")
                .satisfies(e -> assertThat(((NetlinkException) e).errno()).isEqualTo(Errno.ENOENT));
    }

    @Test
    void withoutRootDumpsFailWithAnExplanationAndMutationsReturnEperm() {
        EmulatedKernel k = new EmulatedKernel();
        k.root = false;
        NetlinkKernel nk = new NetlinkKernel(new IpvsClient(k));
        assertThatThrownBy(nk::services).isInstanceOf(NetlinkException.class).hasMessageContaining("root or CAP_NET_ADMIN");
        assertThatThrownBy(() -> nk.client().info()).hasMessageContaining("EPERM");
        assertThat(nk.flush()).isEqualTo(Errno.EPERM);
    }

    @Test
    void aSilentKernelIsATimeoutNotAHang() {
        Transport silent = new Transport() {
            @Override
            public void send(byte[] message) {
            }

            @Override
            public int receive(byte[] buffer) {
                throw new NetlinkException("no answer from the kernel within the receive timeout", Errnos.EAGAIN);
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> new IpvsClient(silent)).hasMessageContaining("no answer");
    }
}
