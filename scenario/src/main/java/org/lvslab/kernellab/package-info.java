/**
 * The real-kernel harness: runs {@code .lvs} scenarios on a stock Debian kernel in a throw-away
 * QEMU VM through the project's {@code kernel-lab/} scripts ({@code run-ipvs-vm.sh} boots the
 * VM, {@code run-scenario.sh} is the guest-side executor), maps upstream versions to Debian
 * kernel packages, and reports infrastructure failures (no QEMU, VM does not boot) apart from
 * scenario results.
 */
package org.lvslab.kernellab;
