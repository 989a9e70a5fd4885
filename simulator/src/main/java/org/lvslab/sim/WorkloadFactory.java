package org.lvslab.sim;

import java.io.IOException;
import org.lvslab.workloads.ConnectionSource;

/**
 * Opens a fresh stream of the same connections for each run (a compare or sweep replays one
 * workload many times, possibly in parallel, so every run gets its own reader or generator).
 */
public interface WorkloadFactory {
    ConnectionSource open() throws IOException;

    /** A short description for the report ("spec: …", "trace: access.log (combined)"). */
    String describe();

    /** The workload's intended length in ns when known up front (generators), else 0. */
    default long durationNs() {
        return 0;
    }
}
