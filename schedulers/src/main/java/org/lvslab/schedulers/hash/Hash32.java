package org.lvslab.schedulers.hash;

/**
 * The kernel's generic {@code hash_32} ({@code include/linux/hash.h}): a multiplicative hash with
 * the 32-bit golden-ratio constant, keeping the top {@code bits} bits. All arithmetic is unsigned
 * 32-bit with wrap-around, which Java {@code int} multiplication and {@code >>>} reproduce.
 */
public final class Hash32 {
    /** {@code GOLDEN_RATIO_32}. */
    public static final int GOLDEN_RATIO_32 = 0x61C88647;

    private Hash32() {
    }

    /** {@code hash_32(value, bits)} for 1 &le; bits &le; 32; the result is in {@code [0, 2^bits)}. */
    public static int hash32(int value, int bits) {
        if (bits < 1 || bits > 32) {
            throw new IllegalArgumentException("hash_32 bits must be 1..32, not " + bits);
        }
        return (value * GOLDEN_RATIO_32) >>> (32 - bits);
    }
}
