package org.lvslab.schedulers.hash;

/**
 * The kernel's {@code hsiphash} of one 32-bit word as built on 64-bit kernels
 * ({@code lib/siphash.c}: there "hsiphash" is SipHash-1-3 over 64-bit lanes, truncated to 32
 * bits; 32-bit kernels use HalfSipHash instead, which gives other values and is not modelled).
 * The message is the 4-byte little-endian encoding of the word, so the final block is the length
 * byte 4 in the top byte with the word in the low half.
 */
public final class Hsiphash {
    private static final long C0 = 0x736f6d6570736575L;
    private static final long C1 = 0x646f72616e646f6dL;
    private static final long C2 = 0x6c7967656e657261L;
    private static final long C3 = 0x7465646279746573L;

    private Hsiphash() {
    }

    /** {@code hsiphash(&value, 4, {k0, k1})} on a 64-bit little-endian kernel; returns the u32 as an int. */
    public static int hash(int value, long k0, long k1) {
        long v0 = C0 ^ k0;
        long v1 = C1 ^ k1;
        long v2 = C2 ^ k0;
        long v3 = C3 ^ k1;
        long b = (4L << 56) | Integer.toUnsignedLong(value);
        v3 ^= b;
        // one compression round
        v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
        v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
        v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
        v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        v0 ^= b;
        v2 ^= 0xff;
        // three finalisation rounds
        for (int r = 0; r < 3; r++) {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        return (int) (v0 ^ v1 ^ v2 ^ v3);
    }
}
