/**
 * Talking to the running kernel: an {@code AF_NETLINK}/{@code NETLINK_GENERIC} socket through
 * the Java FFM API ({@link org.lvslab.netlink.socket.NetlinkSocket}, libc {@code socket},
 * {@code bind}, {@code sendto}, {@code recvfrom}; no JNI), the request/reply exchange with
 * family resolution, ACKs, errors and multi-part dumps ({@link org.lvslab.netlink.socket.IpvsClient}),
 * and {@link org.lvslab.netlink.socket.NetlinkKernel}, which makes the real kernel an
 * {@link org.lvslab.ipvsadm.kernel.IpvsKernel} just like the simulated one.
 */
package org.lvslab.netlink.socket;
