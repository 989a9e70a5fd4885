package org.lvslab.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.RealServer;

/** lblc, ipvs-model.md §6.13 and §11 cases 33–35, plus the cache cap, counter fix and GC timer. */
class LocalityBasedLeastConnectionTest {
    private static final int HZ = 250;
    private static final String X = "192.0.2.10";

    private static LocalityBasedLeastConnection lblc(Bench b) {
        return (LocalityBasedLeastConnection) b.tb.service().scheduler();
    }

    /** Distinct destination addresses 198.18.x.y for cache-filling tests. */
    private static String daddr(int i) {
        return "198." + (18 + (i >> 16)) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
    }

    @Test
    void case33_theOverloadFlagOfTheCachedServerIsIgnored() {
        Bench b = Bench.create();
        b.bind("lblc");
        RealServer a = b.add("A", 10);
        assertThat(b.pickFor("172.16.1.1", 1, X)).isEqualTo("A");
        b.add("B", 10);
        b.tb.setCounters(a, 3, 0);
        b.tb.setOverloaded(a, true); // from u_threshold, while active <= weight
        assertThat(b.pickFor("172.16.1.2", 1, X)).isEqualTo("A");
        b.bind("wlc");
        assertThat(b.pickFor("172.16.1.2", 1, X)).isEqualTo("B");
    }

    @Test
    void case34_theLocalityHeuristicReplacesAnOverloadedEntry() {
        Bench b = Bench.create();
        b.bind("lblc");
        RealServer a = b.add("A", 10);
        assertThat(b.pickFor("172.16.1.1", 1, X)).isEqualTo("A");
        RealServer bee = b.add("B", 10);
        b.tb.setCounters(a, 11, 0);
        b.tb.setCounters(bee, 4, 0); // 2*4 < 10: a lightly loaded server exists
        assertThat(b.pickFor("172.16.1.2", 1, X)).isEqualTo("B");
        assertThat(lblc(b).cached(IpAddress.parse(X))).isSameAs(bee);
        assertThat(a.references()).isZero();
        assertThat(bee.references()).isEqualTo(1);
    }

    @Test
    void aBusyServerIsKeptWhenNoServerIsLightlyLoaded() {
        Bench b = Bench.create();
        b.bind("lblc");
        RealServer a = b.add("A", 10);
        assertThat(b.pickFor("172.16.1.1", 1, X)).isEqualTo("A");
        RealServer bee = b.add("B", 10);
        b.tb.setCounters(a, 11, 0);
        b.tb.setCounters(bee, 5, 0); // 2*5 is not < 10
        assertThat(b.pickFor("172.16.1.2", 1, X)).isEqualTo("A");
    }

    @Test
    void case35_onAnOrdinaryVipServiceEveryClientSharesTheVipsEntry() {
        Bench b = Bench.create();
        b.bind("lblc");
        b.add("A", 1);
        b.add("B", 1);
        for (int i = 1; i <= 20; i++) {
            assertThat(b.name(b.tb.schedule("172.16.1." + i, 10000 + i))).isEqualTo("B");
        }
        assertThat(lblc(b).cachedEntries()).isEqualTo(1);
        assertThat(lblc(b).cached(IpAddress.parse("10.0.0.1"))).isNotNull();
    }

    @Test
    void aDeletedCachedServerIsRescheduledAndKeptReferencedUntilReplaced() {
        Bench b = Bench.create();
        b.bind("lblc");
        RealServer a = b.add("A", 1);
        RealServer bee = b.add("B", 1);
        assertThat(b.pickFor("172.16.1.1", 1, X)).isEqualTo("B");
        b.tb.remove(bee);
        assertThat(bee.references()).isEqualTo(1); // the entry keeps it in the trash
        assertThat(b.pickFor("172.16.1.1", 1, X)).isEqualTo("A");
        assertThat(bee.references()).isZero();
        assertThat(a.references()).isEqualTo(1);
    }

    @Test
    void reviveFromTheTrashMakesTheEntryValidAgain() {
        Bench b = Bench.create();
        b.bind("lblc");
        RealServer a = b.add("A", 1);
        assertThat(b.pickFor("172.16.1.1", 1, X)).isEqualTo("A");
        b.tb.remove(a);
        assertThat(b.pickFor("172.16.1.1", 1, X)).isEqualTo("none"); // nothing to schedule; entry stays
        assertThat(a.references()).isEqualTo(1);
        b.add("B", 1);
        b.tb.revive(a); // list A, B
        assertThat(b.pickFor("172.16.1.1", 1, X)).isEqualTo("A");
    }

    @Test
    void weightZeroCachedServerIsRescheduled() {
        Bench b = Bench.create();
        b.bind("lblc");
        RealServer a = b.add("A", 1);
        assertThat(b.pickFor("172.16.1.1", 1, X)).isEqualTo("A");
        b.add("B", 1);
        b.tb.setWeight(a, 0);
        assertThat(b.pickFor("172.16.1.1", 1, X)).isEqualTo("B");
    }

    @Test
    void replacingAnEntryLeaksTheCounterOnlyWithoutTheCounterFix() {
        for (KernelProfile profile : new KernelProfile[] {KernelProfile.of("6.12.111"), KernelProfile.of("6.12.113")}) {
            Bench b = new Bench(profile);
            b.bind("lblc");
            RealServer a = b.add("A", 1);
            b.pickFor("172.16.1.1", 1, X);
            b.add("B", 1);
            b.tb.setWeight(a, 0);
            assertThat(b.pickFor("172.16.1.1", 1, X)).isEqualTo("B");
            LocalityBasedLeastConnection s = lblc(b);
            assertThat(s.cachedEntries()).isEqualTo(1);
            assertThat(s.entryCounter()).as(profile.version().toString()).isEqualTo(profile.lblcCounterFix() ? 1 : 2);
        }
    }

    @Test
    void theCacheCapRefusesNewEntriesAtOneAndAHalfTimesMaxSizeButStillSchedules() {
        for (KernelProfile profile : new KernelProfile[] {Bench.CLASSIC, Bench.NEW}) {
            Bench b = new Bench(profile);
            b.bind("lblc");
            RealServer a = b.add("A", 1);
            int n = 24_576 + 10;
            for (int i = 0; i < n; i++) {
                assertThat(b.pickFor("172.16.1.1", 1, daddr(i))).isEqualTo("A");
            }
            LocalityBasedLeastConnection s = lblc(b);
            int expected = profile.lblcCacheCap() ? 24_576 : n;
            assertThat(s.cachedEntries()).as(profile.version().toString()).isEqualTo(expected);
            assertThat(s.entryCounter()).isEqualTo(expected);
            assertThat(a.references()).isEqualTo(expected);
        }
    }

    @Test
    void garbageCollectionRunsEveryMinuteAndDoesAFullExpiryPassOnTheThirtiethRun() {
        Bench b = Bench.create();
        b.tb.sysctls().set("lblc_expiration", 120);
        b.bind("lblc");
        RealServer a = b.add("A", 1);
        b.pickFor("172.16.1.1", 1, X);
        LocalityBasedLeastConnection s = lblc(b);
        b.tb.advance(60L * HZ - 1);
        assertThat(s.gcCounter()).isEqualTo(1);
        b.tb.advance(1);
        assertThat(s.gcCounter()).isEqualTo(2); // first run at 60 s: table small, counter++
        b.tb.advance(28L * 60 * HZ);            // runs 2..29 at 120 s .. 1740 s
        assertThat(s.gcCounter()).isEqualTo(30);
        assertThat(s.cachedEntries()).isEqualTo(1);
        b.tb.advance(60L * HZ);                 // run 30 at 1800 s: full pass, idle for >= 120 s
        assertThat(s.gcCounter()).isEqualTo(1);
        assertThat(s.cachedEntries()).isZero();
        assertThat(a.references()).isZero();
    }

    @Test
    void theFullPassKeepsEntriesUsedWithinTheExpiration() {
        Bench b = Bench.create();
        b.bind("lblc");
        b.add("A", 1);
        b.pickFor("172.16.1.1", 1, X);
        b.tb.advance(1800L * HZ); // default expiration is 24 h
        assertThat(lblc(b).gcCounter()).isEqualTo(1);
        assertThat(lblc(b).cachedEntries()).isEqualTo(1);
    }

    @Test
    void aLeakedCounterAboveMaxSizeTriggersPartialCollectionOnlyWithoutTheCounterFix() {
        for (KernelProfile profile : new KernelProfile[] {KernelProfile.of("6.12.111"), KernelProfile.of("6.12.113")}) {
            Bench b = new Bench(profile);
            b.bind("lblc");
            RealServer a = b.add("A", 1);
            RealServer bee = b.add("B", 1); // list B, A: B gets every new entry
            int n = 16_384;
            for (int i = 0; i < n; i++) {
                b.pickFor("172.16.1.1", 1, daddr(i));
            }
            b.tb.setWeight(bee, 0);
            for (int i = 0; i < 100; i++) {
                b.pickFor("172.16.1.1", 1, daddr(i)); // 100 replacements B -> A
            }
            LocalityBasedLeastConnection s = lblc(b);
            assertThat(s.cachedEntries()).isEqualTo(n);
            assertThat(s.entryCounter()).isEqualTo(profile.lblcCounterFix() ? n : n + 100);
            b.tb.advance(360L * HZ); // GC runs at 60..360 s; entries are idle for >= 360 s at the last one
            if (profile.lblcCounterFix()) {
                assertThat(s.cachedEntries()).isEqualTo(n);
            } else {
                // goal = 100 * 4 / 3 = 133 entries, removed bucket by bucket from rover + 1
                assertThat(s.cachedEntries()).isBetween(n - 133 - 40, n - 133);
                assertThat(s.entryCounter()).isEqualTo(s.cachedEntries() + 100);
                assertThat(s.gcRover()).isPositive();
            }
            assertThat(a.references() + bee.references()).isEqualTo(s.cachedEntries());
        }
    }

    @Test
    void doneStopsTheTimerAndReleasesEveryEntry() {
        Bench b = Bench.create();
        b.bind("lblc");
        RealServer a = b.add("A", 1);
        for (int i = 0; i < 10; i++) {
            b.pickFor("172.16.1.1", 1, daddr(i));
        }
        LocalityBasedLeastConnection s = lblc(b);
        assertThat(a.references()).isEqualTo(10);
        s.done();
        assertThat(a.references()).isZero();
        assertThat(s.cachedEntries()).isZero();
        int counter = s.gcCounter();
        b.tb.advance(3600L * HZ);
        assertThat(s.gcCounter()).isEqualTo(counter); // no timer ran
    }
}
