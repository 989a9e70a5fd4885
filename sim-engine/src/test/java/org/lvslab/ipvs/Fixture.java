package org.lvslab.ipvs;

import java.util.ArrayList;
import java.util.List;
import org.lvslab.engine.EventLoop;
import org.lvslab.engine.RandomStreams;
import org.lvslab.ipvs.sched.Scheduler;
import org.lvslab.ipvs.sched.SchedulerContext;
import org.lvslab.ipvs.sched.SchedulerProvider;
import org.lvslab.ipvs.sched.SchedulerRegistry;

/**
 * A table on its own event loop with test-only schedulers: "first" (first eligible real server
 * in list order), "least" (smallest kernel overhead, first on ties, like lc) and "log" (first
 * eligible, recording every hook call). Time helpers work in seconds at HZ 250.
 */
final class Fixture {
    static final int HZ = 250;
    static final IpAddress VIP = IpAddress.parse("10.0.0.1");
    static final IpAddress CLIENT = IpAddress.parse("192.168.1.10");
    static final ServiceKey TCP80 = ServiceKey.of(Protocol.TCP, VIP, 80);
    static final ServiceKey UDP53 = ServiceKey.of(Protocol.UDP, VIP, 53);

    final EventLoop loop = new EventLoop();
    final IpvsTable table;
    final List<String> hooks = new ArrayList<>();
    final Packet packet = new Packet();

    Fixture(String kernel) {
        this(KernelProfile.of(kernel));
    }

    Fixture(KernelProfile profile) {
        SchedulerRegistry reg = SchedulerRegistry.empty()
                .register(provider("first", false))
                .register(provider("least", true))
                .register(new LogProvider(hooks))
                .register(new SchedulerProvider() {
                    public String name() {
                        return "modern";
                    }

                    public boolean availableIn(KernelProfile p) {
                        return p.hasTwos();
                    }

                    public Scheduler create(VirtualService s, SchedulerContext c) {
                        return p -> null;
                    }
                });
        table = new IpvsTable(loop, profile, reg, HZ, new RandomStreams(42));
    }

    static Fixture newest() {
        return new Fixture(KernelProfile.newest());
    }

    static SchedulerProvider provider(String name, boolean least) {
        return new SchedulerProvider() {
            public String name() {
                return name;
            }

            public Scheduler create(VirtualService svc, SchedulerContext ctx) {
                return p -> {
                    RealServer best = null;
                    for (int i = 0; i < svc.destCount(); i++) {
                        RealServer d = svc.dest(i);
                        if (!d.isEligible()) {
                            continue;
                        }
                        if (best == null || (least && d.overhead() < best.overhead())) {
                            best = d;
                        }
                        if (!least) {
                            break;
                        }
                    }
                    return best;
                };
            }
        };
    }

    static final class LogProvider implements SchedulerProvider {
        final List<String> log;

        LogProvider(List<String> log) {
            this.log = log;
        }

        public String name() {
            return "log";
        }

        public Scheduler create(VirtualService svc, SchedulerContext ctx) {
            StringBuilder list = new StringBuilder();
            for (RealServer d : svc.dests()) {
                list.append(list.isEmpty() ? "" : ",").append(d);
            }
            log.add("init[" + list + "]");
            return new Scheduler() {
                public void addDest(RealServer d) {
                    log.add("add " + d + " at " + d.listIndex());
                }

                public void delDest(RealServer d) {
                    log.add("del " + d + " available=" + d.isAvailable());
                }

                public void updateDest(RealServer d) {
                    log.add("upd " + d);
                }

                public void done() {
                    log.add("done");
                }

                public RealServer schedule(Packet p) {
                    for (RealServer d : svc.dests()) {
                        if (d.isEligible()) {
                            return d;
                        }
                    }
                    return null;
                }
            };
        }
    }

    // ---- setup ---------------------------------------------------------------------------------

    Fixture service(ServiceKey key, String sched) {
        check(table.addService(ServiceConfig.of(key, sched)));
        return this;
    }

    Fixture persistent(ServiceKey key, String sched, int seconds, int mask) {
        check(table.addService(ServiceConfig.of(key, sched).withPersistence(seconds, mask)));
        return this;
    }

    RealServer dest(ServiceKey key, String addr, ForwardingMethod fwd, int weight) {
        return dest(key, addr, 80, fwd, weight);
    }

    RealServer dest(ServiceKey key, String addr, int port, ForwardingMethod fwd, int weight) {
        check(table.addDest(key, DestConfig.of(IpAddress.parse(addr), port, fwd, weight)));
        return table.findService(key).findDest(IpAddress.parse(addr), port);
    }

    static void check(int errno) {
        if (errno != 0) {
            throw new AssertionError("errno " + errno);
        }
    }

    // ---- time ----------------------------------------------------------------------------------

    /** Runs the loop to absolute second {@code s}. */
    void at(double seconds) {
        loop.runUntil(Math.round(seconds * 1e9));
    }

    void advance(double seconds) {
        loop.runUntil(loop.now() + Math.round(seconds * 1e9));
    }

    double nowSeconds() {
        return loop.now() / 1e9;
    }

    // ---- packets -------------------------------------------------------------------------------

    Verdict tcp(IpAddress client, int sport, ServiceKey svc, int flags) {
        return table.inbound(packet.set(Protocol.TCP, client, sport, svc.address(), svc.port(), flags));
    }

    Verdict tcp(int sport, int flags) {
        return tcp(CLIENT, sport, TCP80, flags);
    }

    Verdict udp(IpAddress client, int sport, ServiceKey svc) {
        return table.inbound(packet.set(Protocol.UDP, client, sport, svc.address(), svc.port(), 0));
    }

    /** An SCTP packet from {@code client}:{@code sport} to {@code svc} whose first chunk is {@code chunk}. */
    Verdict sctp(IpAddress client, int sport, ServiceKey svc, int chunk) {
        packet.set(Protocol.SCTP, client, sport, svc.address(), svc.port(), 0).sctp(chunk, SctpChunk.NONE);
        return table.inbound(packet);
    }

    /** An SCTP reply from {@code rs}:{@code rport} to the client (NAT) whose first chunk is {@code chunk}. */
    Verdict sctpReply(String rs, int rport, IpAddress client, int cport, int chunk) {
        packet.set(Protocol.SCTP, IpAddress.parse(rs), rport, client, cport, 0).sctp(chunk, SctpChunk.NONE);
        return table.outbound(packet);
    }

    /** A reply from {@code rs}:{@code rport} to the client (NAT). */
    Verdict reply(String rs, int rport, IpAddress client, int cport, Protocol proto, int flags) {
        return table.outbound(packet.set(proto, IpAddress.parse(rs), rport, client, cport, flags));
    }

    ConnectionTable conns() {
        return table.connections();
    }

    int conn() {
        return table.lastConnection();
    }

    String state(int id) {
        return conns().stateName(id);
    }

    /** "(active,inactive)" of a real server. */
    static String counters(RealServer d) {
        return "(" + d.activeConns() + "," + d.inactiveConns() + ")";
    }
}
