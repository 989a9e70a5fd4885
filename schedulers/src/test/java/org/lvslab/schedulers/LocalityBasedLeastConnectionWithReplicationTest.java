package org.lvslab.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.RealServer;

/** lblcr, ipvs-model.md §6.14 and §11 case 36, plus the cache cap and GC. */
class LocalityBasedLeastConnectionWithReplicationTest {
    private static final int HZ = 250;
    private static final String X = "192.0.2.10";

    private static LocalityBasedLeastConnectionWithReplication lblcr(Bench b) {
        return (LocalityBasedLeastConnectionWithReplication) b.tb.service().scheduler();
    }

    private static List<String> set(Bench b) {
        return lblcr(b).cachedSet(IpAddress.parse(X)).stream().map(b::name).toList();
    }

    /** Entry X with set {B, A} (B added second, so first), last modified at t = 0. */
    private static Bench setOfTwo() {
        Bench b = Bench.create();
        b.tb.sysctls().set("lblcr_expiration", 100);
        b.bind("lblcr");
        RealServer a = b.add("A", 1);
        assertThat(b.pickFor("172.16.1.1", 1, X)).isEqualTo("A");
        RealServer bee = b.add("B", 4);
        b.tb.setCounters(a, 2, 0); // 2 > 1 and B has 2*0 < 4: the heuristic calls A overloaded
        assertThat(b.pickFor("172.16.1.2", 1, X)).isEqualTo("B");
        assertThat(set(b)).containsExactly("B", "A");
        b.tb.setCounters(a, 0, 0);
        b.tb.setCounters(bee, 0, 0);
        return b;
    }

    @Test
    void aHitReturnsTheSetsWeightedLeastLoadedMember() {
        Bench b = setOfTwo();
        RealServer bee = b.tb.dests().get(0);
        RealServer a = b.tb.dests().get(1);
        b.tb.setCounters(bee, 4, 0); // 4*257/4 = 257 vs A 0/1
        assertThat(b.pickFor("172.16.1.3", 1, X)).isEqualTo("A");
        b.tb.setCounters(a, 1, 0);   // 257/1 vs 257: tie -> first in set order
        assertThat(b.pickFor("172.16.1.3", 1, X)).isEqualTo("B");
        assertThat(set(b)).containsExactly("B", "A");
    }

    @Test
    void case36_anOldSetDropsItsMostLoadedMemberAndStillReturnsTheEarlierChoice() {
        Bench b = setOfTwo();
        RealServer bee = b.tb.dests().get(0);
        RealServer a = b.tb.dests().get(1);
        b.tb.setCounters(bee, 1, 0);
        b.tb.setCounters(a, 0, 0);
        b.tb.advance(100L * HZ); // not yet strictly after lastmod + expiration
        assertThat(b.pickFor("172.16.1.3", 1, X)).isEqualTo("A");
        assertThat(set(b)).containsExactly("B", "A");
        b.tb.advance(1);
        assertThat(b.pickFor("172.16.1.3", 1, X)).isEqualTo("A"); // min A, max B dropped
        assertThat(set(b)).containsExactly("A");
        assertThat(bee.references()).isZero();
    }

    @Test
    void case36_theDroppedMemberIsReturnedWhenItWasAlsoTheLeastLoaded() {
        Bench b = setOfTwo();
        RealServer bee = b.tb.dests().get(0);
        RealServer a = b.tb.dests().get(1);
        b.tb.setWeight(bee, 1);
        b.tb.setCounters(bee, 1, 0);
        b.tb.setCounters(a, 1, 0); // equal loads 257/1 and 257/1
        b.tb.advance(100L * HZ + 1);
        // tie: set_min and set_max both take the first member, B
        assertThat(b.pickFor("172.16.1.3", 1, X)).isEqualTo("B");
        assertThat(set(b)).containsExactly("A");
    }

    @Test
    void aSingleMemberSetIsNeverShrunk() {
        Bench b = Bench.create();
        b.tb.sysctls().set("lblcr_expiration", 100);
        b.bind("lblcr");
        b.add("A", 1);
        b.pickFor("172.16.1.1", 1, X);
        b.tb.advance(1000L * HZ);
        assertThat(b.pickFor("172.16.1.1", 1, X)).isEqualTo("A");
        assertThat(set(b)).containsExactly("A");
    }

    @Test
    void anOverloadedChoiceAddsAWlcPickToTheFrontOfTheSet() {
        Bench b = setOfTwo();
        RealServer c = b.add("C", 8); // list C, B, A
        RealServer bee = b.tb.dests().get(1);
        RealServer a = b.tb.dests().get(2);
        b.tb.setCounters(a, 3, 0);   // 771/1
        b.tb.setCounters(bee, 5, 0); // 1285/4: set_min keeps B (1285*1 is not > 771*4)
        // but B has 5 > 4 active while C has 2*0 < 8: overloaded, so wlc over the service picks C
        assertThat(b.pickFor("172.16.1.3", 1, X)).isEqualTo("C");
        assertThat(set(b)).containsExactly("C", "B", "A");
        assertThat(c.references()).isEqualTo(1);
    }

    @Test
    void membersThatAreDeletedOrWeightZeroAreNeverChosenButStayInTheSet() {
        Bench b = setOfTwo();
        RealServer bee = b.tb.dests().get(0);
        RealServer a = b.tb.dests().get(1);
        b.tb.setWeight(bee, 0);
        assertThat(b.pickFor("172.16.1.3", 1, X)).isEqualTo("A");
        b.tb.setWeight(bee, 4);
        b.tb.remove(bee);
        assertThat(b.pickFor("172.16.1.3", 1, X)).isEqualTo("A");
        assertThat(set(b)).containsExactly("B", "A");
        assertThat(bee.references()).isEqualTo(1);
        assertThat(a.references()).isEqualTo(1);
    }

    @Test
    void theCacheCapRefusesNewEntriesOnlyInKernelsWithIt() {
        for (KernelProfile profile : new KernelProfile[] {Bench.CLASSIC, Bench.NEW}) {
            Bench b = new Bench(profile);
            b.bind("lblcr");
            RealServer a = b.add("A", 1);
            int n = 24_576 + 5;
            for (int i = 0; i < n; i++) {
                String d = "198." + (18 + (i >> 16)) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
                assertThat(b.pickFor("172.16.1.1", 1, d)).isEqualTo("A");
            }
            int expected = profile.lblcCacheCap() ? 24_576 : n;
            assertThat(lblcr(b).cachedEntries()).as(profile.version().toString()).isEqualTo(expected);
            assertThat(a.references()).isEqualTo(expected);
        }
    }

    @Test
    void theThirtiethGcRunExpiresIdleEntriesWithLblcrExpiration() {
        Bench b = Bench.create();
        b.tb.sysctls().set("lblcr_expiration", 1799);
        b.bind("lblcr");
        RealServer a = b.add("A", 1);
        b.pickFor("172.16.1.1", 1, X);
        b.tb.advance(1800L * HZ - 1);
        assertThat(lblcr(b).cachedEntries()).isEqualTo(1);
        b.tb.advance(1);
        assertThat(lblcr(b).cachedEntries()).isZero();
        assertThat(a.references()).isZero();
    }

    @Test
    void doneReleasesEveryMember() {
        Bench b = setOfTwo();
        lblcr(b).done();
        for (RealServer d : b.tb.dests()) {
            assertThat(d.references()).isZero();
        }
    }
}
