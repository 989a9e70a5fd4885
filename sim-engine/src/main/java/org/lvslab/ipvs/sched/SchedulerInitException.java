package org.lvslab.ipvs.sched;

/**
 * Thrown by {@link SchedulerProvider#create} when the kernel's {@code init_service} hook would
 * fail (e.g. mh with more real servers than table slots returns -EINVAL); binding the scheduler
 * then fails with {@link #errno()} and the service keeps its previous state.
 */
public final class SchedulerInitException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int errno;

    public SchedulerInitException(int errno, String message) {
        super(message);
        this.errno = errno;
    }

    /** The positive kernel errno ({@link org.lvslab.ipvs.Errno}). */
    public int errno() {
        return errno;
    }
}
