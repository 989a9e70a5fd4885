package org.lvslab.schedulers.hash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 64-bit kernel's hsiphash (SipHash-1-3, truncated) against ipvs-model.md §9.2. */
class HsiphashTest {
    private static final long KEY1 = 2654435761L;
    private static final long KEY2 = 2654446892L;

    @ParameterizedTest(name = "v={0}")
    @CsvSource({
        "00000000, 1d5a77c2, f882433f",
        "00000001, 16ec66b2, 8210aad1",
        "0a000001, 03080ce4, 48f9d0c1",
        "0a000051, 439c0cbe, 97b3dc47",
        "c0a82091, 52119bbd, 83a58330",
        "ffffffff, 22c5d719, f75a0f5d",
    })
    void matchesTheDocumentedVectorsForBothMaglevKeys(String v, String withKey1, String withKey2) {
        int value = Integer.parseUnsignedInt(v, 16);
        assertThat(Integer.toHexString(Hsiphash.hash(value, KEY1, KEY1))).isEqualTo(withKey1.replaceFirst("^0+(?=.)", ""));
        assertThat(Integer.toHexString(Hsiphash.hash(value, KEY2, KEY2))).isEqualTo(withKey2.replaceFirst("^0+(?=.)", ""));
    }
}
