package org.lvslab.netlink.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.ForwardingMethod;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.ipvs.Timeouts;
import org.lvslab.ipvsadm.kernel.SimulatedKernel;

class PlannerTest {
    private static final String BASE = """
            -A -t 10.0.0.1:80 -s rr
            -a -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 1
            -a -t 10.0.0.1:80 -r 10.1.0.2:80 -m -w 1
            """;

    @Test
    void anIdenticalTableNeedsNothing() {
        Plan p = Planner.plan(Tables.table(BASE), Tables.table(BASE), Planner.Options.DEFAULT);
        assertThat(p.isEmpty()).isTrue();
        assertThat(p.notes()).isEmpty();
    }

    @Test
    void aNewServiceIsCreatedBeforeItsServersWhichAreAddedOldestFirst() {
        Plan p = Planner.plan(KernelTable.EMPTY, Tables.table(BASE), Planner.Options.DEFAULT);
        assertThat(Tables.script(p)).isEqualTo("""
                ipvsadm -A -t 10.0.0.1:80 -s rr
                ipvsadm -a -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 1
                ipvsadm -a -t 10.0.0.1:80 -r 10.1.0.2:80 -m -w 1
                """);
    }

    @Test
    void changesAreMadeBeforeBreaksAndUnlistedServicesGoLast() {
        KernelTable current = Tables.table(BASE + "-A -u 10.0.0.9:53 -s wlc\n");
        KernelTable desired = Tables.table("""
                -A -t 10.0.0.1:80 -s wrr
                -a -t 10.0.0.1:80 -r 10.1.0.2:80 -m -w 3
                -a -t 10.0.0.1:80 -r 10.1.0.3:80 -m -w 1 -x 100 -y 10
                """);
        Plan p = Planner.plan(current, desired, Planner.Options.DEFAULT);
        assertThat(Tables.script(p)).isEqualTo("""
                ipvsadm -E -t 10.0.0.1:80 -s wrr
                ipvsadm -a -t 10.0.0.1:80 -r 10.1.0.3:80 -m -w 1 -x 100 -y 10
                ipvsadm -e -t 10.0.0.1:80 -r 10.1.0.2:80 -m -w 3
                ipvsadm -d -t 10.0.0.1:80 -r 10.1.0.1:80
                ipvsadm -D -u 10.0.0.9:53
                """);
    }

    @Test
    void keepUnlistedNeverDeletes() {
        KernelTable current = Tables.table(BASE + "-A -u 10.0.0.9:53 -s wlc\n");
        KernelTable desired = Tables.table("-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.1.0.2:80 -m -w 1\n");
        Plan p = Planner.plan(current, desired, new Planner.Options(false, true));
        assertThat(p.isEmpty()).isTrue();
    }

    @Test
    void aDifferentListOrderIsOnlyNotedByDefault() {
        KernelTable current = Tables.table(BASE);
        KernelTable desired = Tables.table("""
                -A -t 10.0.0.1:80 -s rr
                -a -t 10.0.0.1:80 -r 10.1.0.2:80 -m -w 1
                -a -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 1
                """);
        Plan p = Planner.plan(current, desired, Planner.Options.DEFAULT);
        assertThat(p.isEmpty()).isTrue();
        assertThat(p.notes()).singleElement().asString().contains("-t 10.0.0.1:80").contains("list order");
    }

    @Test
    void exactOrderReAddsOnlyTheServersInFrontOfTheLongestOrderedSuffix() {
        // kernel list (newest first): .3 .2 .1 ; desired: .1 .3 .2 -> only .1 must move to the front
        KernelTable current = Tables.table(BASE + "-a -t 10.0.0.1:80 -r 10.1.0.3:80 -m -w 1\n");
        KernelTable desired = Tables.table("""
                -A -t 10.0.0.1:80 -s rr
                -a -t 10.0.0.1:80 -r 10.1.0.2:80 -m -w 1
                -a -t 10.0.0.1:80 -r 10.1.0.3:80 -m -w 1
                -a -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 1
                """);
        Plan p = Planner.plan(current, desired, Planner.Options.EXACT);
        assertThat(p.steps()).extracting(s -> s.op().ipvsadm()).containsExactly(
                "-d -t 10.0.0.1:80 -r 10.1.0.1:80", "-a -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 1");
        assertThat(p.steps().getFirst().why()).contains("list position");
    }

    @Test
    void aServerTheKernelMadeLocalMatchesTheDesiredMethod() {
        KernelTable desired = Tables.table("-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 127.0.0.1:80 -g -w 1\n");
        DestConfig local = DestConfig.of(IpAddress.parse("127.0.0.1"), 80, ForwardingMethod.LOCALNODE, 1);
        KernelService s = desired.services().getFirst();
        KernelTable kernelView = new KernelTable(java.util.List.of(new KernelService(s.config(), java.util.List.of(local))), null);
        assertThat(Planner.plan(kernelView, desired, Planner.Options.DEFAULT).isEmpty()).isTrue();
    }

    @Test
    void timeoutsAreSetOnlyWhenTheDesiredTableHasThemAndTheyDiffer() {
        KernelTable current = Tables.table(BASE).withTimeouts(Timeouts.DEFAULT);
        assertThat(Planner.plan(current, Tables.table(BASE), Planner.Options.DEFAULT).isEmpty()).isTrue();
        assertThat(Planner.plan(current, Tables.table(BASE).withTimeouts(Timeouts.DEFAULT), Planner.Options.DEFAULT).isEmpty()).isTrue();
        Plan p = Planner.plan(current, Tables.table(BASE).withTimeouts(new Timeouts(600, 60, 30)), Planner.Options.DEFAULT);
        assertThat(Tables.script(p)).isEqualTo("ipvsadm --set 600 60 30\n");
    }

    @Test
    void everyPlannedCommandLineIsAcceptedByIpvsadmAndBuildsTheSameTable() {
        String rules = """
                -A -t 10.0.0.1:80 -s sh -b sh-port,sh-fallback -p 120 -M 255.255.255.0
                -a -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 0 -x 50 -y 5
                -a -t 10.0.0.1:80 -r 10.1.0.2:80 -i -w 2 --tun-type gue --tun-port 6080 --tun-csum
                -a -t 10.0.0.1:80 -r 10.1.0.3:80 -i -w 2 --tun-type gre --tun-nocsum
                -A -u [fd00::1]:53 -s mh -b mh-port -o
                -a -u [fd00::1]:53 -r [fd00::b:1]:53 -m -w 4
                -A -f 7 -6 -s wlc -p 30 -M 64 --pe sip
                -A --sctp-service 10.0.0.2:9 -s none
                """;
        KernelTable want = Tables.table(rules);
        String replay = Pull.replayRules(want);
        KernelTable rebuilt = Tables.table(replay);
        assertThat(rebuilt.sameAs(want, true)).as(replay).isTrue();
        assertThat(want.toSimulatedTable(KernelVersion.NEWEST)).satisfies(t ->
                assertThat(KernelTable.read(new SimulatedKernel(t), false).sameAs(want, true)).isTrue());
    }
}
