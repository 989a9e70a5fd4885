package org.lvslab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Golden values from an independent Python implementation (FNV-1a 64 of the UTF-8 name, then SplitMix64). */
class RandomStreamsTest {
    @Test
    void pinsTheSeedAndFirstOutputsOfANamedStream() {
        RandomStreams streams = new RandomStreams(42);
        assertThat(streams.seedFor("arrivals")).isEqualTo(2010144674994210343L);
        assertThat(streams.seedFor("")).isEqualTo(-1457427831871653387L);
        assertThat(streams.seedFor("twos:TCP 10.0.0.1:80")).isEqualTo(880049482311862859L);
        RandomStream arrivals = streams.stream("arrivals");
        assertThat(arrivals.nextLong()).isEqualTo(2990154814733323837L);
        assertThat(arrivals.nextLong()).isEqualTo(7487364417024308194L);
        assertThat(arrivals.nextLong()).isEqualTo(3111588028000800899L);
    }

    @Test
    void aStreamDependsOnlyOnTheMasterSeedAndItsName() {
        RandomStreams a = new RandomStreams(7);
        RandomStreams b = new RandomStreams(7);
        a.stream("x").nextLong();
        RandomStream fromA = a.stream("y");
        RandomStream fromB = b.stream("y"); // asked for without asking for "x" first
        for (int i = 0; i < 10; i++) {
            assertThat(fromA.nextLong()).isEqualTo(fromB.nextLong());
        }
    }

    @Test
    void differentNamesAndDifferentMasterSeedsGiveDifferentStreams() {
        RandomStreams s = new RandomStreams(7);
        assertThat(s.seedFor("arrivals")).isNotEqualTo(s.seedFor("arrival"));
        assertThat(s.seedFor("arrivals")).isNotEqualTo(new RandomStreams(8).seedFor("arrivals"));
        assertThat(s.masterSeed()).isEqualTo(7);
    }
}
