/**
 * JMH benchmarks and a memory probe of the connection table, driven through the packet path
 * ({@link org.lvslab.ipvs.IpvsTable#inbound}). How to run them and the figures:
 * {@code docs/benchmarks.md}.
 */
package org.lvslab.jmh.table;
