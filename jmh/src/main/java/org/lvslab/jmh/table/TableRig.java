package org.lvslab.jmh.table;

import org.lvslab.engine.EventLoop;
import org.lvslab.engine.RandomStreams;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.ForwardingMethod;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.ipvs.Verdict;
import org.lvslab.ipvs.sched.SchedulerRegistry;

/**
 * A table with one direct-routing service (rr over four real servers) and a numbered space of
 * client tuples: tuple k is client 172.16.0.0 + k / 1000, source port 1024 + k % 1000. The client
 * addresses are made up front, so driving packets allocates nothing.
 */
final class TableRig {
    static final int PORTS_PER_CLIENT = 1_000;
    static final IpAddress VIP = IpAddress.parse("10.0.0.1");

    final EventLoop loop = new EventLoop();
    final IpvsTable table;
    final Packet packet = new Packet();
    private final IpAddress[] clients;

    TableRig(int tuples) {
        table = new IpvsTable(loop, KernelProfile.newest(), SchedulerRegistry.load(), 250, new RandomStreams(42));
        ServiceKey key = ServiceKey.of(Protocol.TCP, VIP, 80);
        ServiceKey udp = ServiceKey.of(Protocol.UDP, VIP, 53);
        check(table.addService(ServiceConfig.of(key, "rr")));
        check(table.addService(ServiceConfig.of(udp, "rr")));
        for (int i = 1; i <= 4; i++) {
            check(table.addDest(key, DestConfig.of(IpAddress.parse("10.1.0." + i), 80, ForwardingMethod.DROUTE, 1)));
            check(table.addDest(udp, DestConfig.of(IpAddress.parse("10.1.0." + i), 53, ForwardingMethod.DROUTE, 1)));
        }
        clients = new IpAddress[tuples / PORTS_PER_CLIENT + 1];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = IpAddress.ofV4(0xAC100000 + i);
        }
    }

    Verdict tcp(int tuple, int flags) {
        return table.inbound(packet.set(Protocol.TCP, clients[tuple / PORTS_PER_CLIENT], 1024 + tuple % PORTS_PER_CLIENT, VIP, 80, flags));
    }

    Verdict udp(int tuple) {
        return table.inbound(packet.set(Protocol.UDP, clients[tuple / PORTS_PER_CLIENT], 1024 + tuple % PORTS_PER_CLIENT, VIP, 53, 0));
    }

    /** Opens an established TCP connection for the tuple (SYN then ACK: ESTABLISHED, 900 s timer). */
    void open(int tuple) {
        expect(tcp(tuple, Packet.SYN));
        expect(tcp(tuple, Packet.ACK));
    }

    static void expect(Verdict v) {
        if (v != Verdict.FORWARDED) {
            throw new IllegalStateException("packet not forwarded: " + v);
        }
    }

    private static void check(int errno) {
        if (errno != 0) {
            throw new IllegalStateException("table setup failed with errno " + errno);
        }
    }
}
