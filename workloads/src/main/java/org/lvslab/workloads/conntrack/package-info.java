/** {@code conntrack -E -o timestamp} event streams: NEW paired with DESTROY into one connection. */
package org.lvslab.workloads.conntrack;
