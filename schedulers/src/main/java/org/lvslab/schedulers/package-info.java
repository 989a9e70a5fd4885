/**
 * The fourteen kernel IPVS schedulers, one final class each, modelled decision-for-decision on
 * {@code net/netfilter/ipvs/ip_vs_*.c}: list order (newest real server first), integer widths,
 * strict versus non-strict comparisons, weight-0 and OVERLOAD handling, the add/del/upd hooks and
 * the per-version switches of {@link org.lvslab.ipvs.KernelProfile}. Each class has a nested
 * {@code Provider} registered for {@link java.util.ServiceLoader} under the kernel name.
 *
 * <p>A pick ({@code schedule}) allocates nothing unless explain mode is on, in which case each
 * scheduler writes one line saying why it chose what it chose.
 */
package org.lvslab.schedulers;
