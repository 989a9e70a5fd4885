package org.lvslab.ipvs.sched;

import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.Sysctls;

/** What the table offers a scheduler: the kernel profile, time, sysctls, timers, randomness and explain output. */
public interface SchedulerContext {
    KernelProfile profile();

    /** Current time in kernel jiffies. */
    long jiffies();

    /** Ticks per second of the modelled kernel. */
    int hz();

    Sysctls sysctls();

    /**
     * Runs {@code task} once, {@code delayJiffies} from now, on the simulation clock (lblc/lblcr
     * garbage collection). Returns a handle for {@link #cancelTimer(long)}.
     */
    long scheduleTimer(long delayJiffies, Runnable task);

    void cancelTimer(long handle);

    /**
     * The random source of this service, for {@code twos}: uniform in {@code [0, bound)} as the
     * kernel's {@code get_random_u32_below}. Seeded in simulations, scripted in tests.
     */
    RandomSource random();

    /** Where a scheduler writes its one-line reason for a decision; check {@link Explain#enabled()} first. */
    Explain explain();
}
