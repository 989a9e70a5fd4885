package org.lvslab.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lvslab.ipvs.Fixture.TCP80;
import static org.lvslab.ipvs.Fixture.VIP;
import static org.lvslab.ipvs.ForwardingMethod.DROUTE;
import static org.lvslab.ipvs.ForwardingMethod.MASQ;
import static org.lvslab.ipvs.ForwardingMethod.TUNNEL;

import org.junit.jupiter.api.Test;

/** Admin operations: errno and check order, list order, hooks, scheduler binding (ipvs-model §2, ipvsadm doc §5). */
class ControlPathTest {
    static final IpAddress A = IpAddress.parse("10.1.0.1");

    private static DestConfig dc(String addr, ForwardingMethod fwd, int w) {
        return DestConfig.of(IpAddress.parse(addr), 80, fwd, w);
    }

    @Test
    void addingAnExistingServiceSaysExistsEvenWithAnUnknownScheduler() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        assertThat(f.table.addService(ServiceConfig.of(TCP80, "nosuch"))).isEqualTo(Errno.EEXIST);
        assertThat(f.table.addService(ServiceConfig.of(ServiceKey.of(Protocol.TCP, VIP, 81), "nosuch"))).isEqualTo(Errno.ENOENT);
        assertThat(f.table.addService(ServiceConfig.of(ServiceKey.of(Protocol.TCP, VIP, 81), "first").withPersistence(1, -1)
                .withFlags(ServiceFlags.PERSISTENT))).isZero();
        assertThat(f.table.findService(ServiceKey.of(Protocol.TCP, VIP, 82))).isNull();
    }

    @Test
    void aSchedulerMissingInTheModelledKernelIsNotFound() {
        ServiceKey k = ServiceKey.of(Protocol.TCP, VIP, 81);
        assertThat(new Fixture("6.1.170").table.addService(ServiceConfig.of(k, "modern"))).isEqualTo(Errno.ENOENT);
        assertThat(new Fixture("6.12.100").table.addService(ServiceConfig.of(k, "modern"))).isZero();
    }

    @Test
    void unknownPersistenceEngineIsNotFoundAndIpv6PrefixMustBeOneTo128() {
        Fixture f = Fixture.newest();
        ServiceKey v6 = ServiceKey.of(Protocol.TCP, IpAddress.parse("fd00::1"), 80);
        assertThat(f.table.addService(new ServiceConfig(TCP80, "first", 0, 0, -1, "nope"))).isEqualTo(Errno.ENOENT);
        assertThat(f.table.addService(new ServiceConfig(v6, "first", 0, 0, 0, ""))).isEqualTo(Errno.EINVAL);
        assertThat(f.table.addService(new ServiceConfig(v6, "first", 0, 0, 129, ""))).isEqualTo(Errno.EINVAL);
        assertThat(f.table.addService(new ServiceConfig(v6, "first", 0, 0, 64, ""))).isZero();
        assertThat(f.table.services()).hasSize(1);
    }

    @Test
    void commandsOnAMissingServiceSayNoSuchProcess() {
        Fixture f = Fixture.newest();
        assertThat(f.table.editService(ServiceConfig.of(TCP80, "first"))).isEqualTo(Errno.ESRCH);
        assertThat(f.table.deleteService(TCP80)).isEqualTo(Errno.ESRCH);
        assertThat(f.table.addDest(TCP80, dc("10.1.0.1", DROUTE, 1))).isEqualTo(Errno.ESRCH);
        assertThat(f.table.editDest(TCP80, dc("10.1.0.1", DROUTE, 1))).isEqualTo(Errno.ESRCH);
        assertThat(f.table.deleteDest(TCP80, A, 80)).isEqualTo(Errno.ESRCH);
        assertThat(f.table.zero(TCP80)).isEqualTo(Errno.ESRCH);
        assertThat(f.table.zero(null)).isZero();
        assertThat(f.table.flush()).isZero();
    }

    @Test
    void destValidationRunsInKernelOrder() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        assertThat(f.table.addDest(TCP80, dc("10.1.0.1", DROUTE, -1))).as("range before exists").isEqualTo(Errno.ERANGE);
        assertThat(f.table.addDest(TCP80, dc("10.1.0.1", DROUTE, 1).withThresholds(1, 2))).isEqualTo(Errno.ERANGE);
        assertThat(f.table.addDest(TCP80, dc("10.1.0.1", DROUTE, 1).withThresholds(1L << 31, 0))).isEqualTo(Errno.EINVAL);
        DestConfig gue = new DestConfig(IpAddress.parse("10.1.0.1"), 80, TUNNEL, 1, 0, 0, 1, 0, 0);
        assertThat(f.table.addDest(TCP80, gue)).isEqualTo(Errno.EINVAL);
        assertThat(f.table.addDest(TCP80, dc("10.1.0.1", DROUTE, 1))).isEqualTo(Errno.EEXIST);
        for (String bad : new String[] {"0.0.0.0", "0.1.2.3", "255.255.255.255", "224.0.0.1", "239.1.1.1", "127.255.255.255"}) {
            assertThat(f.table.addDest(TCP80, dc(bad, DROUTE, 1))).as(bad).isEqualTo(Errno.EINVAL);
        }
        assertThat(f.table.editDest(TCP80, dc("10.1.0.9", DROUTE, 1))).isEqualTo(Errno.ENOENT);
        assertThat(f.table.editDest(TCP80, dc("10.1.0.1", DROUTE, -5))).isEqualTo(Errno.ERANGE);
        assertThat(f.table.deleteDest(TCP80, IpAddress.parse("10.1.0.9"), 80)).isEqualTo(Errno.ENOENT);
        assertThat(f.table.findService(TCP80).destCount()).isEqualTo(1);
    }

    @Test
    void upperThresholdAboveIntMaxIsRejectedOnlyByKernelsThatCheckIt() {
        DestConfig big = dc("10.1.0.1", DROUTE, 1).withThresholds(0xFFFF_FFFFL, 0);
        Fixture old = new Fixture("6.1.170").service(TCP80, "first");
        assertThat(old.table.addDest(TCP80, big)).isZero();
        Fixture fresh = new Fixture("6.1.183").service(TCP80, "first");
        assertThat(fresh.table.addDest(TCP80, big)).isEqualTo(Errno.EINVAL);
    }

    @Test
    void mixedFamilyRealServersNeedTunnellingAndNoSyncDaemon() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        DestConfig v6 = DestConfig.of(IpAddress.parse("fd00::5"), 80, DROUTE, 1);
        assertThat(f.table.addDest(TCP80, v6)).isEqualTo(Errno.EINVAL);
        assertThat(f.table.addDest(TCP80, DestConfig.of(IpAddress.parse("fd00::5"), 80, TUNNEL, 1))).isZero();
        assertThat(f.table.startDaemon(DaemonConfig.of(DaemonConfig.MASTER, "eth0", 1))).isEqualTo(Errno.EINVAL);
        f.table.deleteDest(TCP80, IpAddress.parse("fd00::5"), 80);
        assertThat(f.table.startDaemon(DaemonConfig.of(DaemonConfig.MASTER, "eth0", 1))).isZero();
        assertThat(f.table.addDest(TCP80, DestConfig.of(IpAddress.parse("fd00::6"), 80, TUNNEL, 1))).isEqualTo(Errno.EINVAL);
    }

    @Test
    void newDestsGoToTheFrontAndEditsNeverMoveThem() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.dest(TCP80, "10.1.0.2", DROUTE, 1);
        f.dest(TCP80, "10.1.0.3", DROUTE, 1);
        f.table.editDest(TCP80, dc("10.1.0.1", DROUTE, 9));
        VirtualService s = f.table.findService(TCP80);
        assertThat(s.dests()).extracting(d -> d.address().toString()).containsExactly("10.1.0.3", "10.1.0.2", "10.1.0.1");
        assertThat(s.dest(2).listIndex()).isEqualTo(2);
    }

    @Test
    void lastWeightFollowsOnlyNonZeroWeightsAfterTheAdd() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        RealServer d = f.dest(TCP80, "10.1.0.1", DROUTE, 0);
        assertThat(d.lastWeight()).isZero();
        f.table.editDest(TCP80, dc("10.1.0.1", DROUTE, 5));
        f.table.editDest(TCP80, dc("10.1.0.1", DROUTE, 0));
        assertThat(d.weight()).isZero();
        assertThat(d.lastWeight()).isEqualTo(5);
    }

    @Test
    void connFlagsAreTheForwardingMethodPlusInactiveAndNooutputExceptForNat() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        RealServer nat = f.dest(TCP80, "10.1.0.1", MASQ, 1);
        RealServer dr = f.dest(TCP80, "10.1.0.2", DROUTE, 1);
        assertThat(nat.connFlags()).isEqualTo(ConnFlags.INACTIVE);
        assertThat(dr.connFlags()).isEqualTo(3 | ConnFlags.INACTIVE | ConnFlags.NOOUTPUT);
        f.table.editDest(TCP80, dc("10.1.0.2", MASQ, 1));
        assertThat(dr.connFlags()).isEqualTo(ConnFlags.INACTIVE);
    }

    @Test
    void schedulerHooksRunAfterLinkingAfterUnlinkingAndOnEveryEdit() {
        Fixture f = Fixture.newest().service(TCP80, "log");
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.dest(TCP80, "10.1.0.2", DROUTE, 1);
        f.table.editDest(TCP80, dc("10.1.0.1", DROUTE, 1));   // changes nothing, still upd_dest
        f.table.deleteDest(TCP80, A, 80);
        assertThat(f.hooks).containsExactly("init[]", "add 10.1.0.1:80 at 0", "add 10.1.0.2:80 at 0",
                "upd 10.1.0.1:80", "del 10.1.0.1:80 available=false");
    }

    @Test
    void editingToTheSameSchedulerKeepsItsStateAndSwitchingReinitialisesWithTheCurrentList() {
        Fixture f = Fixture.newest().service(TCP80, "log");
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.dest(TCP80, "10.1.0.2", DROUTE, 1);
        f.hooks.clear();
        f.table.editService(ServiceConfig.of(TCP80, "log"));
        assertThat(f.hooks).isEmpty();
        f.table.editService(ServiceConfig.of(TCP80, "first"));
        f.table.editService(ServiceConfig.of(TCP80, "log"));
        assertThat(f.hooks).containsExactly("done", "init[10.1.0.2:80,10.1.0.1:80]");
        f.table.editService(ServiceConfig.of(TCP80, "none"));
        assertThat(f.table.findService(TCP80).schedulerName()).isEqualTo("none");
        assertThat(f.table.findService(TCP80).scheduler()).isNull();
        assertThat(f.table.editService(ServiceConfig.of(TCP80, "nosuch"))).isEqualTo(Errno.ENOENT);
    }

    @Test
    void deletingAServiceUnlinksItsDestsWithoutTheDelHookAndCallsDone() {
        Fixture f = Fixture.newest().service(TCP80, "log");
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.hooks.clear();
        assertThat(f.table.deleteService(TCP80)).isZero();
        assertThat(f.hooks).containsExactly("done");
        assertThat(f.table.trash()).extracting(RealServer::toString).containsExactly("10.1.0.1:80");
    }

    @Test
    void serviceFlagsAreStoredWithoutHashedAndTimeoutInJiffies() {
        Fixture f = Fixture.newest();
        f.table.addService(new ServiceConfig(TCP80, "first", ServiceFlags.PERSISTENT | ServiceFlags.HASHED, 360, 0xFFFFFF00, ""));
        VirtualService s = f.table.findService(TCP80);
        assertThat(s.flags()).isEqualTo(ServiceFlags.PERSISTENT);
        assertThat(s.timeoutJiffies()).isEqualTo(360 * 250);
        assertThat(s.netmask()).isEqualTo(0xFFFFFF00);
    }

    @Test
    void flushRemovesServicesButKeepsConnections() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.tcp(1000, Packet.SYN);
        assertThat(f.table.flush()).isZero();
        assertThat(f.table.services()).isEmpty();
        assertThat(f.conns().size()).isEqualTo(1);
        assertThat(f.tcp(1000, Packet.ACK)).as("dest unavailable: dropped").isEqualTo(Verdict.DROPPED);
    }

    @Test
    void zeroResetsCountersOfAServiceAndItsDests() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        RealServer d = f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.tcp(1000, Packet.SYN);
        f.at(2.5);   // the estimator has run (kthreads: 1.96 s after the first service)
        assertThat(d.stats().conns()).isEqualTo(1);
        f.table.zero(TCP80);
        assertThat(d.stats().conns()).isZero();
        assertThat(f.table.findService(TCP80).stats().inPkts()).isZero();
        assertThat(f.table.totalStats().conns()).as("only -Z without service zeroes the total").isEqualTo(1);
        f.table.zero(null);
        assertThat(f.table.totalStats().conns()).isZero();
        assertThat(d.stats().liveConns()).as("the live counters are never reset").isEqualTo(1);
    }

    @Test
    void syncDaemonsRecordKernelDefaultsAndReportKernelErrors() {
        IpvsTable t = Fixture.newest().table;
        assertThat(t.startDaemon(DaemonConfig.of(DaemonConfig.MASTER, "eth9", 1))).isEqualTo(Errno.ENODEV);
        assertThat(t.startDaemon(new DaemonConfig(DaemonConfig.MASTER, "eth0", 1, 0, IpAddress.parse("10.0.0.1"), 0, 0)))
                .isEqualTo(Errno.EINVAL);
        assertThat(t.startDaemon(DaemonConfig.of(3, "eth0", 1))).isEqualTo(Errno.EINVAL);
        assertThat(t.startDaemon(DaemonConfig.of(3, "eth9", 1))).as("interface checked before state").isEqualTo(Errno.ENODEV);
        assertThat(t.startDaemon(DaemonConfig.of(DaemonConfig.MASTER, "eth0", 7))).isZero();
        assertThat(t.daemon(DaemonConfig.MASTER)).isEqualTo(
                new DaemonConfig(DaemonConfig.MASTER, "eth0", 7, 1472, IpAddress.parse("224.0.0.81"), 8848, 1));
        assertThat(t.startDaemon(DaemonConfig.of(DaemonConfig.MASTER, "eth0", 8))).isEqualTo(Errno.EEXIST);
        assertThat(t.startDaemon(DaemonConfig.of(DaemonConfig.BACKUP, "lo", 7))).isZero();
        assertThat(t.daemon(DaemonConfig.BACKUP).maxLen()).as("backup uses the link MTU, clamped").isEqualTo(65535 - 28);
        assertThat(t.stopDaemon(DaemonConfig.MASTER)).isZero();
        assertThat(t.stopDaemon(DaemonConfig.MASTER)).isEqualTo(Errno.ESRCH);
        assertThat(t.stopDaemon(5)).isEqualTo(Errno.EINVAL);
        assertThat(t.startDaemon(new DaemonConfig(DaemonConfig.MASTER, "eth0", 1, 100000, null, 0, 0))).isZero();
        assertThat(t.daemon(DaemonConfig.MASTER).maxLen()).isEqualTo(65535 - 28);
    }

    @Test
    void theSchedulerContextOffersTimersOnTheTableClockAndASeededRandomStreamPerService() {
        Fixture f = Fixture.newest();
        java.util.List<String> seen = new java.util.ArrayList<>();
        f.table.registry().register(new org.lvslab.ipvs.sched.SchedulerProvider() {
            public String name() {
                return "timed";
            }

            public org.lvslab.ipvs.sched.Scheduler create(VirtualService s, org.lvslab.ipvs.sched.SchedulerContext c) {
                c.scheduleTimer(60L * c.hz(), () -> seen.add("gc at " + c.jiffies() + " r=" + c.random().nextIntBelow(1000)));
                long h = c.scheduleTimer(10, () -> seen.add("cancelled"));
                c.cancelTimer(h);
                c.scheduleTimer(5000L * c.hz(), () -> seen.add("after unbind"));
                return p -> null;
            }
        });
        f.service(TCP80, "timed");
        f.at(100);
        f.table.editService(ServiceConfig.of(TCP80, "none"));
        f.at(10_000);
        int r = new org.lvslab.engine.RandomStreams(42).stream("sched:TCP 10.0.0.1:80").nextInt(1000);
        assertThat(seen).containsExactly("gc at 15000 r=" + r);
    }
}
