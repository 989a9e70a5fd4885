package org.lvslab.kernellab;

/**
 * What the guest-side runner reported for one scenario.
 *
 * @param output its stdout: exactly the scenario format's output
 * @param diagnostics its stderr (problems, timing)
 * @param exitStatus 0, 2 (does not parse) or 3 (a line could not be executed faithfully); -1
 *                   when the scenario never finished (the VM stopped first)
 */
public record GuestResult(String name, String output, String diagnostics, int exitStatus) {
    public boolean ok() {
        return exitStatus == 0;
    }
}
