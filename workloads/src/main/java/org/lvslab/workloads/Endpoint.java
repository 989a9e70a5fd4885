package org.lvslab.workloads;

import java.util.Objects;
import org.lvslab.ipvs.IpAddress;

/** An address and port as traces write them: {@code 10.0.0.1:80} or {@code [fd00::1]:80}. */
public record Endpoint(IpAddress address, int port) {
    public Endpoint {
        Objects.requireNonNull(address);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Parses {@code a.b.c.d:port} or {@code [v6]:port}; the port is required. */
    public static Endpoint parse(String text) {
        Endpoint e = tryParse(text, false);
        if (e == null) {
            throw new IllegalArgumentException("not an address:port: \"" + text + "\"");
        }
        return e;
    }

    /** Like {@link #parse} but returns null; with {@code portOptional} a bare address gets port 0. */
    public static Endpoint tryParse(String text, boolean portOptional) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String host;
        String port;
        if (text.charAt(0) == '[') {
            int close = text.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = text.substring(1, close);
            if (close == text.length() - 1) {
                port = null;
            } else if (text.charAt(close + 1) == ':') {
                port = text.substring(close + 2);
            } else {
                return null;
            }
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0 || text.indexOf(':') != colon) {
                host = text;
                port = null;
            } else {
                host = text.substring(0, colon);
                port = text.substring(colon + 1);
            }
        }
        IpAddress a = IpAddress.tryParse(host);
        if (a == null) {
            return null;
        }
        if (port == null) {
            return portOptional ? new Endpoint(a, 0) : null;
        }
        int p = parsePort(port);
        return p < 0 ? null : new Endpoint(a, p);
    }

    /** A decimal port 0..65535, or -1. */
    public static int parsePort(String s) {
        if (s.isEmpty() || s.length() > 5) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v <= 65535 ? v : -1;
    }

    public static String format(IpAddress a, int port) {
        if (a == null) {
            return "?:" + port;
        }
        return a.isV6() ? "[" + a + "]:" + port : a + ":" + port;
    }

    @Override
    public String toString() {
        return format(address, port);
    }
}
