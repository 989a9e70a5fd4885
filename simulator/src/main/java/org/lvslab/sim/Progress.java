package org.lvslab.sim;

/** Receives a running simulation's progress (for a progress bar); called from the simulating thread. */
public interface Progress {
    Progress NONE = (simulatedNs, totalNs, connections) -> {
    };

    /**
     * @param simulatedNs simulated time reached
     * @param totalNs     the expected end, or 0 when unknown (a trace)
     * @param connections connections offered so far
     */
    void update(long simulatedNs, long totalNs, long connections);
}
