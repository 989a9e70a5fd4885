package org.lvslab.ipvs.sched;

import org.lvslab.ipvs.VirtualService;

/**
 * A scheduler type, found through {@link java.util.ServiceLoader} under its kernel name
 * ({@code rr}, {@code wlc}, …). A plug-in is a jar with a provider listed in
 * {@code META-INF/services/org.lvslab.ipvs.sched.SchedulerProvider}.
 */
public interface SchedulerProvider {
    /** The kernel name, at most 15 characters ({@code IP_VS_SCHEDNAME_MAXLEN} - 1). */
    String name();

    /**
     * Whether the modelled kernel has this scheduler (e.g. {@code twos} appeared in 6.2); an
     * unavailable scheduler is "not found" (ENOENT) to the control path.
     */
    default boolean availableIn(org.lvslab.ipvs.KernelProfile profile) {
        return true;
    }

    /** {@code init_service}: binds a new scheduler instance to {@code service} (its list may be non-empty). */
    Scheduler create(VirtualService service, SchedulerContext context);
}
