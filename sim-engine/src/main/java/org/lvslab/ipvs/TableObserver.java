package org.lvslab.ipvs;

/**
 * Callbacks from an {@link IpvsTable} so that reports can count without polling. Every callback
 * runs synchronously inside the table operation that caused it, gets only primitives and existing
 * objects (no allocation), and must not modify the table. Connection ids may be read through
 * {@link IpvsTable#connections()} during the callback; in {@link #connectionExpired} the entry is
 * still readable (it is freed right after the callback returns).
 */
public interface TableObserver {
    /** A connection or template entry was created and bound to its real server. */
    default void connectionCreated(int id) {
    }

    /** An entry was removed (timer expiry or forced deletion), after its real server counters were updated. */
    default void connectionExpired(int id) {
    }

    /**
     * A TCP or SCTP state change ({@link TcpState} or {@link SctpState} numbers, by the entry's
     * protocol); only called when the state actually changes.
     */
    default void stateChanged(int id, int oldState, int newState) {
    }

    /** A real server was linked into a service (new or revived from the trash). */
    default void destAdded(RealServer dest) {
    }

    /** A real server was unlinked from its service and moved to the trash. */
    default void destRemoved(RealServer dest) {
    }

    /** A trashed real server was freed for good. */
    default void destFreed(RealServer dest) {
    }

    /** The OVERLOAD flag of a real server flipped. */
    default void overloadChanged(RealServer dest, boolean overloaded) {
    }

    /** A scheduler was asked for a real server (result may be null). */
    default void scheduled(VirtualService service, RealServer result) {
    }
}
