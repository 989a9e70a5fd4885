/**
 * The wire format of the kernel's IPVS generic-netlink family, as pure Java over byte arrays:
 * netlink and generic-netlink headers, attributes with their 4-byte alignment and nesting
 * ({@link org.lvslab.netlink.MessageWriter}, {@link org.lvslab.netlink.Attributes}), the
 * request builders ({@link org.lvslab.netlink.IpvsRequests}) and reply decoders
 * ({@link org.lvslab.netlink.IpvsReplies}). Nothing here touches a socket, so every byte can be
 * tested on any machine. Layouts follow {@code include/uapi/linux/ip_vs.h},
 * {@code include/uapi/linux/netlink.h} and {@code genetlink.h}; values are in host byte order
 * except where the IPVS attribute policy says network order (addresses, ports, IPv4 masks).
 */
package org.lvslab.netlink;
