package org.lvslab.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lvslab.ipvs.Fixture.TCP80;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The packet path and connection expiry allocate nothing once the arrays have grown (steady state). */
class AllocationTest {

    private static void traffic(Fixture f, IpAddress[] clients, int rounds) {
        for (int r = 0; r < rounds; r++) {
            for (int c = 0; c < clients.length; c++) {
                int port = 2000 + (r % 50);
                f.tcp(clients[c], port, TCP80, Packet.SYN);
                f.tcp(clients[c], port, TCP80, Packet.ACK);
                IpAddress rs = f.table.lastDest().address();
                f.table.outbound(f.packet.set(Protocol.TCP, rs, 80, clients[c], port, Packet.ACK));
                f.tcp(clients[c], port, TCP80, Packet.FIN | Packet.ACK);
                f.table.outbound(f.packet.set(Protocol.TCP, rs, 80, clients[c], port, Packet.FIN | Packet.ACK));
            }
            f.advance(3);   // TIME_WAIT entries of earlier rounds expire, slots are reused
        }
    }

    @Test
    void steadyStateTrafficDoesNotAllocate() {
        Fixture f = Fixture.newest().service(TCP80, "least");
        f.dest(TCP80, "10.1.0.1", ForwardingMethod.MASQ, 1);
        f.dest(TCP80, "10.1.0.2", ForwardingMethod.MASQ, 1);
        IpAddress[] clients = new IpAddress[64];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = IpAddress.ofV4(0xC0A80000 + i);
        }
        traffic(f, clients, 200);   // warm-up: arrays reach their peak size
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long before = mx.getThreadAllocatedBytes(tid);
        traffic(f, clients, 100);
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(f.conns().size()).isPositive();
        assertThat(allocated).as("bytes allocated by 32000 packets and their expiries").isZero();
    }
}
