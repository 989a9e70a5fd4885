/**
 * What ipvsadm asks of the kernel, as data: {@link org.lvslab.ipvsadm.kernel.IpvsKernel} is the
 * set of requests ipvsadm's library makes (one per netlink command), answered with errno values
 * and reply records. {@link org.lvslab.ipvsadm.kernel.SimulatedKernel} answers them from
 * lvslab's {@link org.lvslab.ipvs.IpvsTable}.
 */
package org.lvslab.ipvsadm.kernel;
