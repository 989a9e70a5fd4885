/**
 * Packet captures: pcap (µs and ns, both byte orders) and pcapng, on Ethernet (with VLAN tags),
 * Linux cooked SLL/SLL2 and raw IP; IPv4 and IPv6; TCP connections from SYN to FIN/RST and UDP
 * flows ended by an idle timeout. {@link org.lvslab.workloads.pcap.PcapWriter} writes synthetic
 * captures (for tests and benchmarks; nothing is downloaded).
 */
package org.lvslab.workloads.pcap;
