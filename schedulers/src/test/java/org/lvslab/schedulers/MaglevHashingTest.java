package org.lvslab.schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.Errno;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.ServiceFlags;
import org.lvslab.ipvs.Testbed;
import org.lvslab.ipvs.sched.SchedulerInitException;

/** mh, ipvs-model.md §6.12, §9.2 and §11 cases 29–32. */
class MaglevHashingTest {
    private final Testbed tb = Testbed.tcp(Bench.NEW);

    private MaglevHashing reference() {
        MaglevHashing mh = (MaglevHashing) tb.bind(Bench.provider("mh"));
        tb.add("10.0.0.1:80", 1);
        tb.add("10.0.0.2:80", 1);
        tb.add("10.0.0.3:80", 1);
        return mh;
    }

    private static Map<String, Integer> counts(MaglevHashing mh) {
        Map<String, Integer> c = new TreeMap<>();
        for (int i = 0; i < MaglevHashing.SIZE; i++) {
            RealServer d = mh.slot(i);
            c.merge(d == null ? "empty" : d.address().toString(), 1, Integer::sum);
        }
        return c;
    }

    private String pick(String client, int sport) {
        RealServer d = tb.schedule(new Packet().set(Protocol.TCP, IpAddress.parse(client), sport,
                IpAddress.parse("10.0.0.1"), 80, Packet.SYN));
        return d == null ? "none" : d.address().toString();
    }

    @Test
    void permutationOffsetsAndSkipsMatchTheDocumentedSetupVectors() {
        reference();
        List<RealServer> ds = tb.dests(); // .3 .2 .1
        assertThat(MaglevHashing.offsetOf(ds.get(2))).isEqualTo(3167);
        assertThat(MaglevHashing.skipOf(ds.get(2))).isEqualTo(700);
        assertThat(MaglevHashing.offsetOf(ds.get(1))).isEqualTo(1231);
        assertThat(MaglevHashing.skipOf(ds.get(1))).isEqualTo(3544);
        assertThat(MaglevHashing.offsetOf(ds.get(0))).isEqualTo(1631);
        assertThat(MaglevHashing.skipOf(ds.get(0))).isEqualTo(3453);
    }

    @Test
    void case29_theReferenceTableAndLookupsMatchExactly() {
        MaglevHashing mh = reference();
        assertThat(counts(mh)).containsExactlyInAnyOrderEntriesOf(
                Map.of("10.0.0.3", 1365, "10.0.0.2", 1364, "10.0.0.1", 1364));
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            first.add(mh.slot(i).address().toString().substring(7));
        }
        assertThat(first).containsExactly("1", "2", "2", "3", "3", "1", "2", "3", "3", "1");
        assertThat(mh.slot(2456).address()).hasToString("10.0.0.1");
        assertThat(pick("192.168.1.1", 1)).isEqualTo("10.0.0.1");
        assertThat(pick("192.168.1.2", 1)).isEqualTo("10.0.0.3");
        assertThat(pick("192.168.1.3", 1)).isEqualTo("10.0.0.2");
        assertThat(pick("192.168.1.4", 1)).isEqualTo("10.0.0.3");
        assertThat(pick("203.0.113.7", 1)).isEqualTo("10.0.0.3");
        assertThat(mh.slot(811).address()).hasToString("10.0.0.3");
        assertThat(mh.slot(3321).address()).hasToString("10.0.0.2");
        assertThat(mh.slot(2537).address()).hasToString("10.0.0.3");
        assertThat(mh.slot(1705).address()).hasToString("10.0.0.3");
    }

    @Test
    void mhPortAddsTheClientPort() {
        reference();
        tb.flags(ServiceFlags.SCHED2);
        assertThat(pick("192.168.1.2", 40000)).isEqualTo("10.0.0.1");
    }

    @Test
    void case30_quiescingKeepsTheSlotsAndFallbackProbesOn() {
        MaglevHashing mh = reference();
        RealServer three = tb.dests().get(0);
        RealServer[] before = new RealServer[MaglevHashing.SIZE];
        for (int i = 0; i < before.length; i++) {
            before[i] = mh.slot(i);
        }
        tb.setWeight(three, 0);
        for (int i = 0; i < before.length; i++) {
            assertThat(mh.slot(i)).isSameAs(before[i]);
        }
        assertThat(pick("192.168.1.2", 1)).isEqualTo("none");
        tb.flags(ServiceFlags.SCHED1);
        List<String> lines = new ArrayList<>();
        tb.explain(new org.lvslab.ipvs.sched.Explain() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public void line(String text) {
                lines.add(text);
            }
        });
        assertThat(pick("192.168.1.2", 1)).isEqualTo("10.0.0.1");
        assertThat(mh.slot(3995)).isSameAs(three);
        assertThat(mh.slot(1873).address()).hasToString("10.0.0.1");
        assertThat(lines).singleElement().asString().contains("slot 811", "probe 2 slot 1873");
    }

    @Test
    void case31_aServerAddedWithWeightZeroGetsNoSlots() {
        MaglevHashing mh = reference();
        RealServer[] before = new RealServer[MaglevHashing.SIZE];
        for (int i = 0; i < before.length; i++) {
            before[i] = mh.slot(i);
        }
        RealServer four = tb.add("10.0.0.4:80", 0);
        for (int i = 0; i < before.length; i++) {
            assertThat(mh.slot(i)).isSameAs(before[i]);
        }
        assertThat(four.references()).isZero();
    }

    @Test
    void case32_largeWeightsAreScaledDownByTheShift() {
        MaglevHashing mh = (MaglevHashing) tb.bind(Bench.provider("mh"));
        tb.add("10.0.0.1:80", 1);
        tb.add("10.0.0.2:80", 100);
        assertThat(counts(mh)).containsExactlyInAnyOrderEntriesOf(Map.of("10.0.0.2", 4013, "10.0.0.1", 80));
    }

    @Test
    void weightsThreeAndOneSplitTheTableAsDocumented() {
        MaglevHashing mh = (MaglevHashing) tb.bind(Bench.provider("mh"));
        tb.add("10.0.0.1:80", 1);
        tb.add("10.0.0.2:80", 3);
        assertThat(counts(mh)).containsExactlyInAnyOrderEntriesOf(Map.of("10.0.0.2", 3070, "10.0.0.1", 1023));
    }

    @Test
    void noServerWithALastWeightEmptiesTheTable() {
        MaglevHashing mh = (MaglevHashing) tb.bind(Bench.provider("mh"));
        RealServer a = tb.add("10.0.0.1:80", 1);
        assertThat(a.references()).isEqualTo(MaglevHashing.SIZE);
        tb.remove(a);
        assertThat(mh.slot(0)).isNull();
        assertThat(a.references()).isZero();
        assertThat(pick("192.168.1.1", 1)).isEqualTo("none");
    }

    @Test
    void slotsHoldOneReferenceEachAndDoneReleasesThem() {
        MaglevHashing mh = reference();
        int total = 0;
        for (RealServer d : tb.dests()) {
            total += d.references();
        }
        assertThat(total).isEqualTo(MaglevHashing.SIZE);
        mh.done();
        for (RealServer d : tb.dests()) {
            assertThat(d.references()).isZero();
        }
    }

    @Test
    void moreServersThanSlotsAbandonsTheRebuildAndKeepsTheOldTable() {
        MaglevHashing mh = (MaglevHashing) tb.bind(Bench.provider("mh"));
        for (int i = 0; i < MaglevHashing.SIZE; i++) {
            tb.add("10.2." + (i / 250) + "." + (i % 250 + 1) + ":80", 1);
        }
        RealServer[] before = new RealServer[MaglevHashing.SIZE];
        for (int i = 0; i < before.length; i++) {
            before[i] = mh.slot(i);
        }
        RealServer extra = tb.add("10.3.0.1:80", 1);
        for (int i = 0; i < before.length; i++) {
            assertThat(mh.slot(i)).isSameAs(before[i]);
        }
        assertThat(extra.references()).isZero();
        // binding mh to a service that already has too many servers fails like init_service's -EINVAL
        assertThatThrownBy(() -> tb.bind(Bench.provider("mh")))
                .isInstanceOfSatisfying(SchedulerInitException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
    }

    @Test
    void aDeletedServerLeftInAnAbandonedTableIsStillReturnedBecauseLookupsIgnoreAvailability() {
        MaglevHashing mh = (MaglevHashing) tb.bind(Bench.provider("mh"));
        for (int i = 0; i < MaglevHashing.SIZE; i++) {
            tb.add("10.2." + (i / 250) + "." + (i % 250 + 1) + ":80", 1);
        }
        RealServer victim = mh.slot(2456); // where 192.168.1.1 hashes
        tb.add("10.3.0.1:80", 1);
        tb.add("10.3.0.2:80", 1); // 4095 servers
        tb.remove(victim);           // 4094 > 4093: the rebuild is abandoned again
        assertThat(victim.isAvailable()).isFalse();
        assertThat(mh.slot(2456)).isSameAs(victim);
        assertThat(victim.references()).isPositive();
        assertThat(pick("192.168.1.1", 1)).isEqualTo(victim.address().toString());
    }
}
