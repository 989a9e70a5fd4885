/**
 * The model of the kernel's virtual server table ({@code net/netfilter/ipvs/}): services and
 * real servers in kernel list order, the trash, the connection table with TCP/UDP/SCTP state tracking
 * ({@link org.lvslab.ipvs.TcpState}, {@link org.lvslab.ipvs.SctpState}) and timeouts, persistence
 * templates, thresholds and the overload flag, sysctls, statistics (live and as reported) and
 * the rate estimator, the sync-daemon settings, and the per-version behaviour switches
 * ({@link org.lvslab.ipvs.KernelProfile}).
 *
 * <p>Entry point: {@link org.lvslab.ipvs.IpvsTable} (control path returning kernel errno, packet
 * path {@code inbound}/{@code outbound}). Connections live as data in
 * {@link org.lvslab.ipvs.ConnectionTable} (ids are slots); {@link org.lvslab.ipvs.TableObserver}
 * reports events without polling. Which kernel rule lives where: {@code docs/model-rules.md}.
 */
package org.lvslab.ipvs;
