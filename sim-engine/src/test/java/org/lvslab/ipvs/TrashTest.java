package org.lvslab.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lvslab.ipvs.Fixture.TCP80;
import static org.lvslab.ipvs.Fixture.counters;
import static org.lvslab.ipvs.ForwardingMethod.DROUTE;
import static org.lvslab.ipvs.Packet.ACK;
import static org.lvslab.ipvs.Packet.SYN;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dest trash: revival and the 60 s / 120 s freeing rule (ipvs-model §2.4, case 57). */
class TrashTest {

    @Test
    void aDestReaddedFromTheTrashIsTheSameObjectWithItsCountersAndGoesToTheFront() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        f.dest(TCP80, "10.1.0.2", DROUTE, 1);
        RealServer a = f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        for (int p = 1000; p < 1003; p++) {
            f.tcp(p, SYN);
            f.tcp(p, ACK);
        }
        assertThat(counters(a)).isEqualTo("(3,0)");
        f.table.deleteDest(TCP80, a.address(), 80);
        assertThat(a.isAvailable()).isFalse();
        assertThat(f.table.findService(TCP80).dest(0).address()).hasToString("10.1.0.2");
        f.at(30);
        Fixture.check(f.table.addDest(TCP80, DestConfig.of(a.address(), 80, DROUTE, 4)));
        VirtualService s = f.table.findService(TCP80);
        assertThat(s.dest(0)).isSameAs(a);
        assertThat(counters(a)).isEqualTo("(3,0)");
        assertThat(a.weight()).isEqualTo(4);
        assertThat(a.isAvailable()).isTrue();
        assertThat(f.table.trash()).isEmpty();
        assertThat(f.tcp(1000, ACK)).as("its connections work again").isEqualTo(Verdict.FORWARDED);
    }

    @Test
    void anIdleTrashedDestIsFreedOnTheFirstSixtySecondRunAtLeast120sAfterItWasSeenIdle() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        List<String> freed = new ArrayList<>();
        f.table.addObserver(new TableObserver() {
            @Override
            public void destFreed(RealServer d) {
                freed.add(d + " at " + f.nowSeconds());
            }
        });
        f.at(10);
        f.table.deleteDest(TCP80, IpAddress.parse("10.1.0.1"), 80);
        f.at(1000);
        // runs at 70 (idle_start := 70), 130 (< 190), 190 (freed)
        assertThat(freed).containsExactly("10.1.0.1:80 at 190.0");
        assertThat(f.loop.pending()).as("trash timer stops when the trash is empty").isZero();
    }

    @Test
    void aTrashedDestStaysWhileConnectionsReferenceIt() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        RealServer a = f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.tcp(1000, SYN);
        f.tcp(1000, ACK);   // established: expires at 900
        f.at(10);
        f.table.deleteDest(TCP80, a.address(), 80);   // trash runs at 70, 130, ...
        f.at(899);
        assertThat(f.table.trash()).containsExactly(a);
        f.at(901);   // conn gone; seen idle at the run at 910, freed at the run at 1030
        assertThat(a.references()).isZero();
        f.at(1029);
        assertThat(f.table.trash()).containsExactly(a);
        f.at(1030);
        assertThat(f.table.trash()).isEmpty();
    }

    @Test
    void aDestOfADeletedServiceRevivesIntoTheRecreatedServiceWithFreshStatistics() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        RealServer a = f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.tcp(1000, SYN);
        f.at(2.5);
        assertThat(a.stats().conns()).isEqualTo(1);
        f.table.deleteService(TCP80);
        f.service(TCP80, "first");
        RealServer again = f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        assertThat(again).isSameAs(a);
        assertThat(a.service()).isSameAs(f.table.findService(TCP80));
        assertThat(a.stats().conns()).as("rebinding zeroes (ip_vs_zero_stats)").isZero();
        assertThat(a.totalConns()).isEqualTo(1);
    }

    @Test
    void aDestOfAnotherServiceIdentityIsNotRevived() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        ServiceKey other = ServiceKey.of(Protocol.TCP, Fixture.VIP, 8080);
        f.service(other, "first");
        RealServer a = f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.table.deleteDest(TCP80, a.address(), 80);
        RealServer b = f.dest(other, "10.1.0.1", DROUTE, 1);
        assertThat(b).isNotSameAs(a);
        assertThat(f.table.trash()).containsExactly(a);
    }
}
