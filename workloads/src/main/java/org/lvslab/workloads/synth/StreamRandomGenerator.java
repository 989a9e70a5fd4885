package org.lvslab.workloads.synth;

import org.apache.commons.math3.random.AbstractRandomGenerator;
import org.lvslab.engine.RandomStream;

/**
 * Feeds commons-math3 distributions from a seeded {@link RandomStream}, so every sample is
 * reproducible from the master seed. {@link #setSeed} restarts the stream from that seed.
 */
public final class StreamRandomGenerator extends AbstractRandomGenerator {
    private RandomStream stream;

    public StreamRandomGenerator(RandomStream stream) {
        this.stream = stream;
    }

    @Override
    public void setSeed(long seed) {
        stream = new RandomStream(seed);
        clear();
    }

    @Override
    public double nextDouble() {
        return stream.nextDouble();
    }

    @Override
    public long nextLong() {
        return stream.nextLong();
    }

    @Override
    public int nextInt() {
        return stream.nextInt();
    }

    @Override
    public int nextInt(int n) {
        return stream.nextInt(n);
    }
}
