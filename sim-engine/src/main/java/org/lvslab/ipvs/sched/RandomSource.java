package org.lvslab.ipvs.sched;

/** Randomness for schedulers (only twos uses it). */
@FunctionalInterface
public interface RandomSource {
    /** Uniform in {@code [0, bound)}, bound &ge; 1 (the kernel's {@code get_random_u32_below}). */
    int nextIntBelow(int bound);
}
