package org.lvslab.schedulers.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.IpAddress;

/** hash_32 against the vectors of ipvs-model.md §9.1 (computed by an independent implementation). */
class Hash32Test {
    private static int h(String addr, int bits) {
        return Hash32.hash32(IpAddress.parse(addr).fold(), bits);
    }

    @Test
    void ipv4AddressesHashToTheDocumentedBucketsWithEightBits() {
        assertThat(h("10.0.0.1", 8)).isEqualTo(39);
        assertThat(h("10.0.0.2", 8)).isEqualTo(137);
        assertThat(h("192.168.1.1", 8)).isEqualTo(136);
        assertThat(h("192.168.1.2", 8)).isEqualTo(234);
        assertThat(h("172.16.0.10", 8)).isEqualTo(234);
    }

    @Test
    void ipv4AddressesHashToTheDocumentedBucketsWithTenBits() {
        assertThat(h("10.0.0.1", 10)).isEqualTo(159);
        assertThat(h("10.0.0.2", 10)).isEqualTo(550);
        assertThat(h("192.168.1.1", 10)).isEqualTo(547);
        assertThat(h("192.168.1.2", 10)).isEqualTo(938);
        assertThat(h("172.16.0.10", 10)).isEqualTo(937);
    }

    @Test
    void ipv6AddressesAreFoldedByXorOfTheirFourWords() {
        assertThat(IpAddress.parse("2001:db8::1").fold()).isEqualTo(0x20010DB9);
        assertThat(h("2001:db8::1", 8)).isEqualTo(63);
    }

    @Test
    void sourceHashWithPortAddsThePortBeforeHashing() {
        assertThat(Hash32.hash32(12345 + IpAddress.parse("192.168.1.1").fold(), 8)).isEqualTo(231);
    }

    @Test
    void resultAlwaysFitsTheRequestedBits() {
        for (int v : new int[] {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0xC0A80101}) {
            assertThat(Hash32.hash32(v, 4)).isBetween(0, 15);
            assertThat(Hash32.hash32(v, 20)).isBetween(0, (1 << 20) - 1);
        }
    }

    @Test
    void rejectsImpossibleBitCounts() {
        assertThatThrownBy(() -> Hash32.hash32(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hash32.hash32(1, 33)).isInstanceOf(IllegalArgumentException.class);
    }
}
