/**
 * The model of the kernel's virtual server table ({@code net/netfilter/ipvs/}): services and
 * real servers in kernel list order, the trash, the connection table with TCP/UDP state tracking
 * and timeouts, persistence templates, thresholds and the overload flag, sysctls, statistics and
 * the rate estimator, and the per-version behaviour switches ({@link org.lvslab.ipvs.KernelProfile}).
 */
package org.lvslab.ipvs;
