package org.lvslab.engine;

import java.nio.charset.StandardCharsets;

/**
 * Independent random streams derived from one master seed, one per named component
 * ("arrivals", "twos:TCP 10.0.0.1:80", …). A stream's numbers depend only on the master seed and
 * its name, never on which other streams exist or in which order they were asked for.
 */
public final class RandomStreams {
    private final long masterSeed;

    public RandomStreams(long masterSeed) {
        this.masterSeed = masterSeed;
    }

    public long masterSeed() {
        return masterSeed;
    }

    /** A fresh stream for {@code name}; asking twice gives two streams with the same numbers. */
    public RandomStream stream(String name) {
        return new RandomStream(seedFor(name));
    }

    /** The seed of the named stream: the master seed mixed with a 64-bit FNV-1a hash of the name's UTF-8 bytes. */
    public long seedFor(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return new RandomStream(masterSeed ^ h).nextLong();
    }
}
