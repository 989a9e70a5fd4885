/**
 * The scheduler SPI, mirroring the kernel's {@code struct ip_vs_scheduler} hooks, and the
 * registry that finds schedulers by kernel name through {@link java.util.ServiceLoader}.
 */
package org.lvslab.ipvs.sched;
