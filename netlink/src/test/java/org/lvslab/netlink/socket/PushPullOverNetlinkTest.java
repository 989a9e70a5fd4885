package org.lvslab.netlink.socket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.ipvsadm.kernel.SimulatedKernel;
import org.lvslab.netlink.sync.DesiredConfig;
import org.lvslab.netlink.sync.KernelTable;
import org.lvslab.netlink.sync.Planner;
import org.lvslab.netlink.sync.Pull;
import org.lvslab.netlink.sync.Push;

/** Push and pull through the real encoder, client and decoder, with an emulated kernel behind the socket. */
class PushPullOverNetlinkTest {
    private static final String RULES = """
            -A -t 10.0.0.1:80 -s wrr -p 300
            -a -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 1
            -a -t 10.0.0.1:80 -r 10.1.0.2:80 -m -w 2
            -a -t 10.0.0.1:80 -r 10.1.0.3:80 -m -w 3
            -A -u [fd00::1]:53 -s sh -b sh-port
            -a -u [fd00::1]:53 -r [fd00::b:1]:53 -m -w 1
            -A -f 9 -s mh
            -a -f 9 -r 10.1.0.7:0 -g -w 5
            """;

    @Test
    void aPushedRulesFileIsWhatTheKernelHoldsAndPullPrintsIpvsadmSaveOutput() throws Exception {
        EmulatedKernel emu = new EmulatedKernel();
        emu.dumpMessagesPerDatagram = 3;
        NetlinkKernel nk = new NetlinkKernel(new IpvsClient(emu));
        KernelTable desired = DesiredConfig.parse(RULES, "rules", KernelVersion.NEWEST);

        Push.Outcome o = Push.run(nk, desired, Planner.Options.EXACT, false, false);
        assertThat(o.result().complete()).as(o.result().report()).isTrue();
        assertThat(o.verified()).isTrue();
        assertThat(KernelTable.read(emu.kernel, false).sameAs(desired, true)).isTrue();

        SimulatedKernel reference = new SimulatedKernel(desired.toSimulatedTable(KernelVersion.NEWEST));
        assertThat(Pull.saveRules(nk)).isEqualTo(Pull.saveRules(reference))
                .contains("-A -t 10.0.0.1:80 -s wrr -p 300\n-a -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 1\n", "-a -f 9 -r 10.1.0.7:0 -g -w 5\n");

        Push.Outcome again = Push.run(nk, desired, Planner.Options.EXACT, false, false);
        assertThat(again.plan().isEmpty()).as("a second push changes nothing").isTrue();
    }

    @Test
    void aDryRunSendsNoMutatingRequest() throws Exception {
        EmulatedKernel emu = new EmulatedKernel();
        NetlinkKernel nk = new NetlinkKernel(new IpvsClient(emu));
        int before = emu.received.size();
        Push.Outcome o = Push.run(nk, DesiredConfig.parse(RULES, "rules", KernelVersion.NEWEST), Planner.Options.DEFAULT, true, false);
        assertThat(o.plan().steps()).hasSize(8);
        assertThat(o.result()).isNull();
        assertThat(emu.received.subList(before, emu.received.size())).as("only the GET_SERVICE dump").hasSize(1);
        assertThat(emu.table.services()).isEmpty();
    }

    @Test
    void pullingIntoAStateFileKeepsTheKernelsListOrder() throws Exception {
        EmulatedKernel emu = new EmulatedKernel();
        NetlinkKernel nk = new NetlinkKernel(new IpvsClient(emu));
        Push.run(nk, DesiredConfig.parse(RULES, "rules", KernelVersion.NEWEST), Planner.Options.EXACT, false, false);
        KernelTable pulled = KernelTable.read(nk, true);
        String state = Pull.stateFile(pulled, KernelVersion.NEWEST);
        KernelTable back = DesiredConfig.parse(state, "pulled.state", KernelVersion.NEWEST);
        assertThat(back.sameAs(pulled, true)).isTrue();
        assertThat(back.services().getFirst().dests()).extracting(d -> d.address().toString())
                .containsExactly("10.1.0.3", "10.1.0.2", "10.1.0.1");
    }
}
