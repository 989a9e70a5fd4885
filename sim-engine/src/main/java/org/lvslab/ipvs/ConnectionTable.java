package org.lvslab.ipvs;

/**
 * The connection table as data: one slot per live connection or persistence template in
 * parallel primitive arrays, with a free list and an open-addressing index on the lookup key
 * (protocol, client address and port, virtual address and port). No object per connection.
 *
 * <p>Read API for listings ({@code ipvsadm -Lc}) and reports; the {@link IpvsTable} owns all writes.
 */
public final class ConnectionTable {
    ConnectionTable() {
        throw new UnsupportedOperationException("ConnectionTable is being implemented");
    }
}
