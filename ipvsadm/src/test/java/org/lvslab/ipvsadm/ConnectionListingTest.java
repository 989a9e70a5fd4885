package org.lvslab.ipvsadm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.Protocol;

/** {@code ipvsadm -c} over connections created by driving packets through the simulated table. */
class ConnectionListingTest {
    private static final String TITLE = "IPVS connection entries\n"
            + "pro expire state       source             virtual            destination\n";

    private final Harness h = new Harness();

    private void send(Protocol p, String client, int cport, String vip, int vport, int flags) {
        Packet pk = new Packet().set(p, IpAddress.parse(client), cport, IpAddress.parse(vip), vport, flags);
        h.table.inbound(pk);
    }

    @Test
    void anEmptyConnectionTableListsOnlyTheTitles() {
        Harness.Result r = h.run("ipvsadm -Lcn");
        assertThat(r.stdout()).isEqualTo(TITLE);
        assertThat(r.exit()).isZero();
    }

    @Test
    void connectionsAndTemplatesAreListedWithTheirStateAndTimeLeft() {
        h.ok("ipvsadm -A -t 10.0.0.1:80 -s rr");
        h.ok("ipvsadm -a -t 10.0.0.1:80 -r 10.1.0.1 -m");
        h.ok("ipvsadm -A -u 10.0.0.1:53 -s rr -p 120");
        h.ok("ipvsadm -a -u 10.0.0.1:53 -r 127.0.0.1 -m");
        send(Protocol.TCP, "172.16.1.1", 10000, "10.0.0.1", 80, Packet.SYN);
        send(Protocol.UDP, "172.16.1.2", 5353, "10.0.0.1", 53, 0);
        Harness.Result r = h.run("ipvsadm -Lcn");
        assertThat(r.stdout()).isEqualTo(TITLE
                + "TCP 01:00  SYN_RECV    172.16.1.1:10000   10.0.0.1:80        10.1.0.1:80\n"
                + "UDP 02:00  NONE        172.16.1.2:0       10.0.0.1:53        127.0.0.1:53\n"
                + "UDP 05:00  UDP         172.16.1.2:5353    10.0.0.1:53        127.0.0.1:53\n");
        r = h.run("ipvsadm -Lc");
        assertThat(r.stdout()).isEqualTo(TITLE
                + "TCP 01:00  SYN_RECV    172.16.1.1:10000   10.0.0.1:http      10.1.0.1:http\n"
                + "UDP 02:00  NONE        172.16.1.2:0       10.0.0.1:domain    localhost:domain\n"
                + "UDP 05:00  UDP         172.16.1.2:mdns    10.0.0.1:domain    localhost:domain\n");
        h.table.loop().runFor(30_000_000_000L);
        r = h.run("ipvsadm -Lcn");
        assertThat(r.stdout()).contains("TCP 00:30  SYN_RECV    172.16.1.1:10000");
    }
}
