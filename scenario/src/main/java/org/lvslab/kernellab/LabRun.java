package org.lvslab.kernellab;

import java.util.Map;

/**
 * One VM boot that ran some scenarios.
 *
 * @param vmExit exit status of {@code run-ipvs-vm.sh}: the guest script's (0, 2, 3), 124 on
 *               timeout, 125 when the VM died or did not boot, 2 for setup errors
 * @param bootSeconds guest uptime when the guest script started (NaN if unknown)
 * @param wallSeconds wall time of the whole run, QEMU start to exit
 * @param log what the harness printed on stderr (boot, setup and failure messages)
 */
public record LabRun(KernelTarget target, Map<String, GuestResult> results, int vmExit,
        double bootSeconds, double wallSeconds, String log) {

    /**
     * True when the run failed for infrastructure reasons (QEMU missing and not installable, the
     * kernel not downloadable, the VM not booting or timing out) rather than because of a scenario.
     */
    public boolean infrastructureFailure() {
        return vmExit == 124 || vmExit == 125 || Double.isNaN(bootSeconds) && results.values().stream().noneMatch(r -> r.exitStatus() >= 0);
    }
}
