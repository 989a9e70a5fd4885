package org.lvslab.ipvsadm.kernel;

import org.lvslab.ipvs.ConnectionTable;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.IpvsTable;

/**
 * Renders {@code /proc/net/ip_vs_conn} from the table's connection entries in the kernel's format
 * ({@code ip_vs_conn.c}, {@code ip_vs_conn_seq_show}): IPv4 addresses as 8 upper-case hex digits,
 * IPv6 ones in full uncompressed form, ports as 4 hex digits, the state padded to 11, and the
 * seconds left until the entry's timer fires. Entries are listed in creation order (the kernel
 * walks its hash buckets, an order that depends on a per-boot random key). Persistence-engine
 * data is not modelled, so the PE columns stay empty.
 */
public final class ProcConnections {
    /** The proc file's header line. */
    public static final String HEADER = "Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires PEName PEData\n";

    private ProcConnections() {
    }

    public static String render(IpvsTable table) {
        ConnectionTable c = table.connections();
        StringBuilder sb = new StringBuilder(HEADER.length() + 80 * c.size());
        sb.append(HEADER);
        long now = table.jiffies();
        for (int id : c.liveIds()) {
            String proto = c.protocolName(id);
            sb.append(proto);
            for (int i = proto.length(); i < 3; i++) {
                sb.append(' ');
            }
            sb.append(' ');
            address(sb, c.clientAddress(id));
            sb.append(' ');
            hex(sb, c.clientPort(id), 4);
            sb.append(' ');
            address(sb, c.virtualAddress(id));
            sb.append(' ');
            hex(sb, c.virtualPort(id), 4);
            sb.append(' ');
            IpAddress d = c.destAddress(id);
            address(sb, d == null ? (c.isV6(id) ? IpAddress.ofV6(0, 0) : IpAddress.ofV4(0)) : d);
            sb.append(' ');
            hex(sb, c.destPort(id), 4);
            sb.append(' ');
            String state = c.stateName(id);
            sb.append(state);
            for (int i = state.length(); i < 11; i++) {
                sb.append(' ');
            }
            sb.append(' ');
            long left = Math.max(0, c.expiresAtJiffies(id) - now) / table.hz();
            String exp = Long.toString(left);
            for (int i = exp.length(); i < 7; i++) {
                sb.append(' ');
            }
            sb.append(exp).append('\n');
        }
        return sb.toString();
    }

    private static void address(StringBuilder sb, IpAddress a) {
        if (!a.isV6()) {
            hex(sb, a.v4(), 8);
            return;
        }
        for (int i = 0; i < 8; i++) {
            long word = i < 4 ? a.hi() >>> (48 - 16 * i) : a.lo() >>> (48 - 16 * (i - 4));
            if (i > 0) {
                sb.append(':');
            }
            String h = Integer.toHexString((int) word & 0xffff);
            for (int k = h.length(); k < 4; k++) {
                sb.append('0');
            }
            sb.append(h);
        }
    }

    private static void hex(StringBuilder sb, int v, int digits) {
        String h = Integer.toHexString(v).toUpperCase(java.util.Locale.ROOT);
        if (digits == 4) {
            h = Integer.toHexString(v & 0xffff).toUpperCase(java.util.Locale.ROOT);
        }
        for (int i = h.length(); i < digits; i++) {
            sb.append('0');
        }
        sb.append(h);
    }
}
