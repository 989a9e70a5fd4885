package org.lvslab.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.ServiceFlags;

/** sh, ipvs-model.md §6.11 and §11 cases 26–28. */
class SourceHashingTest {
    private static List<String> layout(Bench b, SourceHashing sh, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(b.name(sh.bucket(i)));
        }
        return out;
    }

    private static long count(Bench b, SourceHashing sh, String name) {
        long c = 0;
        for (int i = 0; i < SourceHashing.SIZE; i++) {
            if (b.name(sh.bucket(i)).equals(name)) {
                c++;
            }
        }
        return c;
    }

    @Test
    void case26_eachServerFillsWeightConsecutiveBucketsCyclically() {
        Bench b = Bench.create();
        SourceHashing sh = (SourceHashing) b.bind("sh");
        b.add("A", 1);
        b.add("B", 2); // list B, A
        assertThat(layout(b, sh, 6)).containsExactly("B", "B", "A", "B", "B", "A");
        assertThat(count(b, sh, "B")).isEqualTo(171);
        assertThat(count(b, sh, "A")).isEqualTo(85);
        assertThat(b.pickFor("192.168.1.1", 5555, "10.0.0.1")).isEqualTo("B"); // bucket 136
    }

    @Test
    void case27_fallbackProbeStartsAtTwiceTheHash() {
        Bench b = Bench.create();
        SourceHashing sh = (SourceHashing) b.bind("sh");
        b.add("A", 1);
        RealServer bee = b.add("B", 2);
        b.tb.setWeight(bee, 0); // rebuilt: weight 0 takes one bucket per cycle
        assertThat(layout(b, sh, 4)).containsExactly("B", "A", "B", "A");
        assertThat(b.pickFor("192.168.1.1", 5555, "10.0.0.1")).isEqualTo("none");
        b.tb.flags(ServiceFlags.SCHED1);
        // bucket 136 (B, unusable) -> probe 2*136 mod 256 = 16 (B) -> 17 (A)
        List<String> lines = new ArrayList<>();
        b.tb.explain(new org.lvslab.ipvs.sched.Explain() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public void line(String text) {
                lines.add(text);
            }
        });
        assertThat(b.pickFor("192.168.1.1", 5555, "10.0.0.1")).isEqualTo("A");
        assertThat(lines).singleElement().asString().contains("bucket 136", "probe 2 bucket 17");
    }

    @Test
    void case28_aWeightChangeRelaysTheWholeTable() {
        Bench b = Bench.create();
        SourceHashing sh = (SourceHashing) b.bind("sh");
        RealServer a = b.add("A", 1);
        b.add("B", 2);
        assertThat(b.name(sh.bucket(3))).isEqualTo("B");
        b.tb.setWeight(a, 2);
        assertThat(layout(b, sh, 8)).containsExactly("B", "B", "A", "A", "B", "B", "A", "A");
        assertThat(b.name(sh.bucket(3))).isEqualTo("A");
    }

    @Test
    void shPortAddsTheClientPortToTheHash() {
        Bench b = Bench.create();
        SourceHashing sh = (SourceHashing) b.bind("sh");
        for (int i = 0; i < 4; i++) {
            b.add("S" + i, 1);
        }
        b.tb.flags(ServiceFlags.SCHED2);
        // hash_32(12345 + 0xC0A80101, 8) = 231
        assertThat(b.pickFor("192.168.1.1", 12345, "10.0.0.1")).isEqualTo(b.name(sh.bucket(231)));
        b.tb.flags(0);
        assertThat(b.pickFor("192.168.1.1", 12345, "10.0.0.1")).isEqualTo(b.name(sh.bucket(136)));
    }

    @Test
    void withoutFallbackAnOverloadedBucketGivesNull() {
        Bench b = Bench.create();
        SourceHashing sh = (SourceHashing) b.bind("sh");
        b.add("A", 1);
        b.add("B", 1);
        RealServer at136 = sh.bucket(136);
        b.tb.setOverloaded(at136, true);
        assertThat(b.pickFor("192.168.1.1", 1, "10.0.0.1")).isEqualTo("none");
    }

    @Test
    void anEmptyServiceHasEmptyBucketsAndGivesNullEvenWithFallback() {
        Bench b = Bench.create();
        b.tb.flags(ServiceFlags.SCHED1);
        SourceHashing sh = (SourceHashing) b.bind("sh");
        assertThat(sh.bucket(0)).isNull();
        assertThat(b.pickFor("192.168.1.1", 1, "10.0.0.1")).isEqualTo("none");
    }

    @Test
    void everyServerUnusableWithFallbackGivesNull() {
        Bench b = Bench.create();
        b.tb.flags(ServiceFlags.SCHED1);
        b.bind("sh");
        RealServer a = b.add("A", 1);
        b.tb.setOverloaded(a, true);
        assertThat(b.pickFor("192.168.1.1", 1, "10.0.0.1")).isEqualTo("none");
    }
}
