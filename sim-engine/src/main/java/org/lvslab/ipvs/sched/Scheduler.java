package org.lvslab.ipvs.sched;

import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.RealServer;

/**
 * One scheduler bound to one virtual service; the object itself is the kernel's
 * {@code svc->sched_data}. Creating it is the kernel's {@code init_service} hook (run with the
 * service's current list), the other hooks mirror {@code struct ip_vs_scheduler}
 * ({@code include/net/ip_vs.h}).
 *
 * <p>The table calls {@link #addDest} after linking a real server at the front of the list,
 * {@link #delDest} after unlinking it, and {@link #updateDest} after every successful edit of a
 * real server (even one that changed nothing). Real servers are read in list order through
 * {@link org.lvslab.ipvs.VirtualService#dest(int)}.
 */
public interface Scheduler {
    /** {@code add_dest}: a real server was linked at the front of the list. */
    default void addDest(RealServer dest) {
    }

    /** {@code del_dest}: a real server was unlinked. */
    default void delDest(RealServer dest) {
    }

    /** {@code upd_dest}: a real server was edited. */
    default void updateDest(RealServer dest) {
    }

    /** {@code done_service}: the service is deleted or gets another scheduler. */
    default void done() {
    }

    /**
     * {@code schedule}: picks a real server for the first packet of a new connection, or returns
     * null when none is available. Must not allocate.
     */
    RealServer schedule(Packet packet);
}
