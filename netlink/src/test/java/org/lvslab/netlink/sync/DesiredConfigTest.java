package org.lvslab.netlink.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.ipvs.Timeouts;
import org.lvslab.ipvsadm.state.StateCodec;

class DesiredConfigTest {
    @Test
    void aRulesFileGivesTheTableIpvsadmRestoreWouldBuildWithServersNewestFirst() throws Exception {
        KernelTable t = DesiredConfig.parse("""
                -A -t 10.0.0.1:80 -s wrr

                ipvsadm -a -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 1
                -a -t 10.0.0.1:80 -r 10.1.0.2:80 -m -w 2
                """, "rules", KernelVersion.NEWEST);
        assertThat(t.services()).singleElement().satisfies(s -> {
            assertThat(s.config().scheduler()).isEqualTo("wrr");
            assertThat(s.dests()).extracting(d -> d.address().toString()).containsExactly("10.1.0.2", "10.1.0.1");
        });
        assertThat(t.timeouts()).as("no --set line: timeouts are left alone").isNull();
    }

    @Test
    void aSetLineMakesTimeoutsPartOfTheConfiguration() throws Exception {
        KernelTable t = DesiredConfig.parse("--set 600 60 30\n", "rules", KernelVersion.NEWEST);
        assertThat(t.timeouts()).isEqualTo(new Timeouts(600, 60, 30));
    }

    @Test
    void theFirstRejectedLineStopsReadingWithFileLineAndIpvsadmsMessage() {
        assertThatThrownBy(() -> DesiredConfig.parse("""
                -A -t 10.0.0.1:80 -s rr
                -a -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 1
                -a -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 1
                """, "my.rules", KernelVersion.NEWEST))
                .isInstanceOf(DesiredConfig.InputException.class)
                .hasMessageStartingWith("my.rules:3: ")
                .hasMessageContaining("Destination already exists");
    }

    @Test
    void aCommentLineIsRejectedAsIpvsadmRestoreWouldAbortOnIt() {
        assertThatThrownBy(() -> DesiredConfig.parse("# saved\n-A -t 10.0.0.1:80 -s rr\n", "f", KernelVersion.NEWEST))
                .isInstanceOf(DesiredConfig.InputException.class).hasMessageStartingWith("f:1: ");
    }

    @Test
    void aStateFileKeepsItsListOrderAndTimeouts() throws Exception {
        var table = Tables.fromRules("-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 1\n"
                + "-a -t 10.0.0.1:80 -r 10.1.0.2:80 -m -w 1\n--set 700 0 0\n");
        KernelTable t = DesiredConfig.parse(StateCodec.encode(table), "state", KernelVersion.NEWEST);
        assertThat(t.sameAs(KernelTable.of(table), true)).isTrue();
        assertThat(t.timeouts()).isEqualTo(new Timeouts(700, 120, 300));
    }

    @Test
    void aDamagedStateFileNamesTheFile() {
        assertThatThrownBy(() -> DesiredConfig.parse(StateCodec.MAGIC + " 1\nservice bogus\n", "s.state", KernelVersion.NEWEST))
                .isInstanceOf(DesiredConfig.InputException.class).hasMessageContaining("s.state");
    }
}
