package org.lvslab.scenario;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lvslab.ipvs.IpAddress;

/**
 * An address and port as a scenario writes it: {@code a.b.c.d:port} or {@code [v6]:port}.
 * {@link #text()} keeps the spelling of the file (the output echoes the client as written);
 * {@link #toString()} is the canonical form the kernel lab prints for real servers.
 */
public record Endpoint(IpAddress address, int port, String text) {
    private static final Pattern V4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?::(\\d{1,5}))?");
    private static final Pattern V6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::(\\d{1,5}))?");

    public Endpoint {
        Objects.requireNonNull(address);
        Objects.requireNonNull(text);
    }

    /** An endpoint in canonical spelling. */
    public static Endpoint of(IpAddress address, int port) {
        return new Endpoint(address, port, canonical(address, port));
    }

    /**
     * Parses {@code token}; returns null when it is not an address with a port in range (or,
     * when {@code needPort} is false, without one: the port is then 0).
     */
    public static Endpoint tryParse(String token, boolean needPort) {
        Matcher m4 = V4.matcher(token);
        String addr;
        String port;
        if (m4.matches()) {
            for (int g = 1; g <= 4; g++) {
                if (Integer.parseInt(m4.group(g)) > 255) {
                    return null;
                }
            }
            addr = token.substring(0, m4.end(4));
            port = m4.group(5);
        } else {
            Matcher m6 = V6.matcher(token);
            if (!m6.matches()) {
                return null;
            }
            addr = m6.group(1);
            port = m6.group(2);
        }
        if (port == null && needPort) {
            return null;
        }
        int p = port == null ? 0 : Integer.parseInt(port);
        if (p > 65535) {
            return null;
        }
        IpAddress a = IpAddress.tryParse(addr);
        if (a == null || a.isV6() != addr.contains(":")) {
            return null;
        }
        return new Endpoint(a, p, token);
    }

    public static String canonical(IpAddress address, int port) {
        return address.isV6() ? "[" + address + "]:" + port : address + ":" + port;
    }

    /** Same address and port, whatever the spelling. */
    public boolean sameAs(Endpoint o) {
        return address.equals(o.address) && port == o.port;
    }

    @Override
    public String toString() {
        return canonical(address, port);
    }
}
