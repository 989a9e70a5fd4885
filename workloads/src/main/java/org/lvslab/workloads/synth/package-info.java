/**
 * Seeded synthetic workloads: arrival processes (Poisson, on-off/MMPP, diurnal curve, rate
 * table), duration and size distributions (commons-math3, fed by {@link org.lvslab.engine.RandomStream}
 * through {@link org.lvslab.workloads.synth.StreamRandomGenerator}), client populations (uniform or
 * Zipf over an address range), the Linux ephemeral-port model, a weighted service mix, and the
 * text spec ({@link org.lvslab.workloads.synth.WorkloadSpec}) that ties them together. Same spec and
 * seed give the same records on every platform.
 */
package org.lvslab.workloads.synth;
