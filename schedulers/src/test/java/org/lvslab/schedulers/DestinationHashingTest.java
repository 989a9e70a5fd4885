package org.lvslab.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.RealServer;

/** dh, ipvs-model.md §6.10 and §11 case 25. */
class DestinationHashingTest {
    @Test
    void case25_layoutIgnoresWeightsAndAWeightZeroBucketGivesNull() {
        Bench b = Bench.create();
        DestinationHashing dh = (DestinationHashing) b.bind("dh");
        b.add("A", 1);
        RealServer bee = b.add("B", 7);
        b.add("C", 3); // list C, B, A
        for (int i = 0; i < DestinationHashing.SIZE; i++) {
            assertThat(b.name(dh.bucket(i))).isEqualTo(b.order().get(i % 3));
        }
        assertThat(b.pickFor("172.16.1.1", 10000, "10.0.0.100")).isEqualTo("A"); // bucket 248
        assertThat(b.pickFor("172.16.1.1", 10000, "192.168.1.1")).isEqualTo("B"); // bucket 136
        b.tb.setWeight(bee, 0);
        assertThat(b.pickFor("172.16.1.1", 10000, "192.168.1.1")).isEqualTo("none");
    }

    @Test
    void editsDoNotRebuildTheTable() {
        Bench b = Bench.create();
        DestinationHashing dh = (DestinationHashing) b.bind("dh");
        RealServer a = b.add("A", 1);
        b.add("B", 1);
        RealServer before = dh.bucket(0);
        b.tb.setWeight(a, 5);
        assertThat(dh.bucket(0)).isSameAs(before);
    }

    @Test
    void theSourceAddressDoesNotMatter() {
        Bench b = Bench.create();
        b.bind("dh");
        b.add("A", 1);
        b.add("B", 1);
        b.add("C", 1);
        String first = b.pickFor("172.16.1.1", 10000, "10.0.0.100");
        for (int i = 2; i < 50; i++) {
            assertThat(b.pickFor("172.16.1." + i, 10000 + i, "10.0.0.100")).isEqualTo(first);
        }
    }

    @Test
    void bucketsHoldReferencesUntilRebuiltOrDone() {
        Bench b = Bench.create();
        b.bind("dh");
        RealServer a = b.add("A", 1);
        assertThat(a.references()).isEqualTo(256);
        RealServer bee = b.add("B", 1);
        assertThat(a.references()).isEqualTo(128);
        assertThat(bee.references()).isEqualTo(128);
        b.tb.remove(bee);
        assertThat(bee.references()).isZero();
        assertThat(a.references()).isEqualTo(256);
        b.tb.service().scheduler().done();
        assertThat(a.references()).isZero();
    }

    @Test
    void aServerInTheTrashIsNotUsed() {
        Bench b = Bench.create();
        b.bind("dh");
        RealServer a = b.add("A", 1);
        assertThat(b.pickFor("172.16.1.1", 1, "10.0.0.100")).isEqualTo("A");
        b.tb.setOverloaded(a, true);
        assertThat(b.pickFor("172.16.1.1", 1, "10.0.0.100")).isEqualTo("none");
        b.tb.setOverloaded(a, false);
        b.tb.remove(a);
        assertThat(b.pickFor("172.16.1.1", 1, "10.0.0.100")).isEqualTo("none");
    }
}
