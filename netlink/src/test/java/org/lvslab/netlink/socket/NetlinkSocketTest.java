package org.lvslab.netlink.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvslab.netlink.IpvsReplies;
import org.lvslab.netlink.IpvsRequests;
import org.lvslab.netlink.Netlink;
import org.lvslab.netlink.NetlinkMessage;

/**
 * The FFM socket against the build machine's own kernel. Needs no privileges and no IPVS: the
 * generic-netlink controller always knows itself ("nlctrl", id 0x10).
 */
class NetlinkSocketTest {
    private static boolean linux() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
    }

    @Test
    void theControllerResolvesItsOwnFamilyOverARealSocket() {
        assumeTrue(linux(), "netlink is Linux only");
        try (NetlinkSocket s = NetlinkSocket.openGeneric()) {
            assertThat(s.portId()).as("the kernel assigned a port id").isNotZero();
            s.send(IpvsRequests.getFamily(77, "nlctrl"));
            byte[] buf = new byte[NetlinkSocket.RECEIVE_BUFFER];
            List<NetlinkMessage> reply = NetlinkMessage.split(buf, s.receive(buf));
            NetlinkMessage family = reply.getFirst();
            assertThat(family.seq()).isEqualTo(77);
            assertThat(family.portId()).isEqualTo(s.portId());
            assertThat(family.genlCommand()).isEqualTo(Netlink.CTRL_CMD_NEWFAMILY);
            assertThat(IpvsReplies.familyId(family)).isEqualTo(Netlink.GENL_ID_CTRL);
        }
    }

    @Test
    void anUnknownFamilyIsAnEnoentError() { // (names over 15 characters fail the policy with EINVAL instead)
        assumeTrue(linux(), "netlink is Linux only");
        try (NetlinkSocket s = NetlinkSocket.openGeneric()) {
            s.send(IpvsRequests.getFamily(5, "NOSUCHFAMILY"));
            byte[] buf = new byte[NetlinkSocket.RECEIVE_BUFFER];
            NetlinkMessage m = NetlinkMessage.split(buf, s.receive(buf)).getFirst();
            assertThat(m.isError()).isTrue();
            assertThat(m.errno()).isEqualTo(org.lvslab.ipvs.Errno.ENOENT);
        }
    }
}
