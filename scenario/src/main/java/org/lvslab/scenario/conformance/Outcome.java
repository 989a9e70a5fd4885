package org.lvslab.scenario.conformance;

import org.lvslab.ipvs.KernelVersion;

/**
 * The verdict for one scenario on one kernel.
 *
 * @param message for FAIL the first difference, for ERROR what went wrong, else a note
 */
public record Outcome(SuiteCase scenario, KernelVersion kernel, Status status, boolean statistical, String message) {
    public enum Status {
        /** Identical (or within tolerance, for random schedulers). */
        PASS,
        /** The outputs differ. */
        FAIL,
        /** The scenario could not be run (parse error, unfaithful line, VM failure). */
        ERROR,
        /** No recording for this kernel: nothing to compare with. */
        NO_RECORDING
    }

    public boolean passed() {
        return status == Status.PASS;
    }
}
