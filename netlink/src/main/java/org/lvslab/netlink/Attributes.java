package org.lvslab.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed sequence of attributes (one nesting level). Types are masked with 0x3FFF, so the
 * NESTED and NET_BYTEORDER bits never matter; when a type occurs twice the last one counts (as
 * {@code nla_parse} in {@code lib/nlattr.c} does). Unknown types are kept but never required.
 * Accessors check the payload size and report a missing or short attribute by name.
 */
public final class Attributes {
    private final LinkedHashMap<Integer, ByteBuffer> byType = new LinkedHashMap<>();
    private final List<Integer> order = new ArrayList<>();

    private Attributes() {
    }

    /** Parses {@code region} (position 0 to limit). Trailing bytes shorter than a header are ignored. */
    public static Attributes parse(ByteBuffer region) {
        ByteBuffer b = region.slice().order(ByteOrder.nativeOrder());
        Attributes a = new Attributes();
        int off = 0;
        int n = b.limit();
        while (n - off >= Netlink.NLA_HDRLEN) {
            int len = b.getShort(off) & 0xFFFF;
            int type = (b.getShort(off + 2) & 0xFFFF) & Netlink.NLA_TYPE_MASK;
            if (len < Netlink.NLA_HDRLEN || len > n - off) {
                throw new NetlinkFormatException("attribute of type " + type + " at offset " + off + " has length " + len
                        + " but " + (n - off) + " bytes are left");
            }
            ByteBuffer payload = b.slice(off + Netlink.NLA_HDRLEN, len - Netlink.NLA_HDRLEN).order(ByteOrder.nativeOrder());
            a.byType.put(type, payload);
            a.order.add(type);
            off += Netlink.align(len);
        }
        return a;
    }

    /** Attribute types in the order they appeared (duplicates included). */
    public List<Integer> types() {
        return Collections.unmodifiableList(order);
    }

    public boolean has(int type) {
        return byType.containsKey(type);
    }

    private ByteBuffer get(int type, int minLength, String what) {
        ByteBuffer p = byType.get(type);
        if (p == null) {
            throw new NetlinkFormatException("missing attribute " + what + " (type " + type + ")");
        }
        if (p.limit() < minLength) {
            throw new NetlinkFormatException("attribute " + what + " (type " + type + ") has " + p.limit()
                    + " payload bytes, expected at least " + minLength);
        }
        return p;
    }

    public int payloadLength(int type) {
        ByteBuffer p = byType.get(type);
        return p == null ? -1 : p.limit();
    }

    public int u8(int type, String what) {
        return get(type, 1, what).get(0) & 0xFF;
    }

    public int u16(int type, String what) {
        return get(type, 2, what).getShort(0) & 0xFFFF;
    }

    public int u16be(int type, String what) {
        ByteBuffer p = get(type, 2, what);
        return ((p.get(0) & 0xFF) << 8) | (p.get(1) & 0xFF);
    }

    public int u32(int type, String what) {
        return get(type, 4, what).getInt(0);
    }

    public int u32be(int type, String what) {
        ByteBuffer p = get(type, 4, what);
        return ((p.get(0) & 0xFF) << 24) | ((p.get(1) & 0xFF) << 16) | ((p.get(2) & 0xFF) << 8) | (p.get(3) & 0xFF);
    }

    /** The second u32 of an attribute (the mask half of the service FLAGS pair). */
    public int u32second(int type, String what) {
        return get(type, 8, what).getInt(4);
    }

    public long u64(int type, String what) {
        return get(type, 8, what).getLong(0);
    }

    /** An unsigned counter of either width: 4 bytes as u32, 8 bytes as u64. */
    public long counter(int type, String what) {
        ByteBuffer p = get(type, 4, what);
        return p.limit() >= 8 ? p.getLong(0) : Integer.toUnsignedLong(p.getInt(0));
    }

    public byte[] bytes(int type, String what) {
        ByteBuffer p = get(type, 0, what);
        byte[] out = new byte[p.limit()];
        p.get(0, out);
        return out;
    }

    /** A NUL-terminated string; the bytes up to the first NUL (or all of them). */
    public String string(int type, String what) {
        byte[] b = bytes(type, what);
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    public Attributes nested(int type, String what) {
        return parse(get(type, 0, what));
    }

    /** A read-only view of the raw payloads by type (last occurrence), in first-seen order. */
    public Map<Integer, ByteBuffer> raw() {
        return Collections.unmodifiableMap(byType);
    }
}
