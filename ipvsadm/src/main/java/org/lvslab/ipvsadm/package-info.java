/**
 * The ipvsadm 1.31 front end over a simulated kernel: {@link org.lvslab.ipvsadm.Ipvsadm#run}
 * takes one command line and produces exactly what upstream ipvsadm prints (option scanning as
 * popt does it, validation order and messages, listing/save/connection formats, exit statuses),
 * in an {@link org.lvslab.ipvsadm.IpvsadmEnv} that names the kernel, the resolver and the program
 * name. Sub-packages: {@code kernel} (the requests ipvsadm sends and the simulated kernel that
 * answers them), {@code names} (C-library address parsing and name look-ups), {@code state}
 * (the table kept between command-line invocations).
 */
package org.lvslab.ipvsadm;
