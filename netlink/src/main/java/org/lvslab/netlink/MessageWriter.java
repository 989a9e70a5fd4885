package org.lvslab.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one netlink message: the 16-byte {@code nlmsghdr}, an optional 4-byte genl header, then
 * attributes. An attribute's {@code nla_len} is 4 + payload (without padding); the payload is
 * then padded with zero bytes to the next multiple of 4. A nest's {@code nla_len} covers its
 * inner attributes including their padding. {@link #finish()} writes {@code nlmsg_len}.
 * Header and host-order fields use the platform's byte order, as the kernel reads them
 * ({@code include/net/netlink.h}: {@code nla_put}, {@code nla_nest_start}).
 */
public final class MessageWriter {
    private static final ByteOrder HOST = ByteOrder.nativeOrder();
    private static final int MAX_DEPTH = 8;

    private ByteBuffer buf;
    private final int[] nests = new int[MAX_DEPTH];
    private int depth;
    private final boolean nestedFlag;

    /**
     * Starts a message. {@code nestedFlag} sets {@link Netlink#NLA_F_NESTED} on nests, as libnl
     * 3.7 does (the kernel's IPVS policy accepts nests with and without it).
     */
    public MessageWriter(int type, int flags, int seq, int portId, boolean nestedFlag) {
        this.buf = ByteBuffer.allocate(256).order(HOST);
        this.nestedFlag = nestedFlag;
        buf.putInt(0).putShort((short) type).putShort((short) flags).putInt(seq).putInt(portId);
    }

    public MessageWriter(int type, int flags, int seq, int portId) {
        this(type, flags, seq, portId, true);
    }

    /** The generic-netlink header: command, version, 2 reserved zero bytes. */
    public MessageWriter genl(int cmd, int version) {
        ensure(4);
        buf.put((byte) cmd).put((byte) version).putShort((short) 0);
        return this;
    }

    /** A bare host-order s32 in the payload (the error code of NLMSG_ERROR and NLMSG_DONE). */
    public MessageWriter int32(int value) {
        ensure(4);
        buf.putInt(value);
        return this;
    }

    private void ensure(int n) {
        if (buf.remaining() < n) {
            int cap = Math.max(buf.capacity() * 2, buf.position() + n);
            ByteBuffer b = ByteBuffer.allocate(cap).order(HOST);
            buf.flip();
            b.put(buf);
            buf = b;
        }
    }

    private void header(int type, int payloadLength) {
        if (type < 0 || type > Netlink.NLA_TYPE_MASK) {
            throw new IllegalArgumentException("attribute type out of range: " + type);
        }
        if (Netlink.NLA_HDRLEN + payloadLength > 0xFFFF) {
            throw new IllegalArgumentException("attribute payload too long: " + payloadLength);
        }
        ensure(Netlink.align(Netlink.NLA_HDRLEN + payloadLength));
        buf.putShort((short) (Netlink.NLA_HDRLEN + payloadLength)).putShort((short) type);
    }

    private void pad() {
        while ((buf.position() & 3) != 0) {
            buf.put((byte) 0);
        }
    }

    public MessageWriter u8(int type, int value) {
        header(type, 1);
        buf.put((byte) value);
        pad();
        return this;
    }

    /** A host-order u16. */
    public MessageWriter u16(int type, int value) {
        header(type, 2);
        buf.putShort((short) value);
        pad();
        return this;
    }

    /** A network-order (big-endian) u16: ports. */
    public MessageWriter u16be(int type, int value) {
        header(type, 2);
        buf.put((byte) (value >>> 8)).put((byte) value);
        pad();
        return this;
    }

    /** A host-order u32. */
    public MessageWriter u32(int type, int value) {
        header(type, 4);
        buf.putInt(value);
        return this;
    }

    /** A network-order (big-endian) u32: IPv4 masks. */
    public MessageWriter u32be(int type, int value) {
        header(type, 4);
        buf.put((byte) (value >>> 24)).put((byte) (value >>> 16)).put((byte) (value >>> 8)).put((byte) value);
        return this;
    }

    public MessageWriter u64(int type, long value) {
        header(type, 8);
        buf.putLong(value);
        return this;
    }

    /** Two host-order u32 in one attribute (the service FLAGS attribute: flags, mask). */
    public MessageWriter u32pair(int type, int first, int second) {
        header(type, 8);
        buf.putInt(first).putInt(second);
        return this;
    }

    public MessageWriter bytes(int type, byte[] payload) {
        header(type, payload.length);
        buf.put(payload);
        pad();
        return this;
    }

    /** A NUL-terminated string (ASCII: scheduler, PE and interface names). */
    public MessageWriter string(int type, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        byte[] z = Arrays.copyOf(b, b.length + 1);
        return bytes(type, z);
    }

    /** Opens a nested attribute; close it with {@link #end()}. */
    public MessageWriter begin(int type) {
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException("attributes nested too deeply");
        }
        ensure(Netlink.NLA_HDRLEN);
        nests[depth++] = buf.position();
        buf.putShort((short) 0).putShort((short) (type | (nestedFlag ? Netlink.NLA_F_NESTED : 0)));
        return this;
    }

    public MessageWriter end() {
        if (depth == 0) {
            throw new IllegalStateException("end() without begin()");
        }
        int start = nests[--depth];
        int len = buf.position() - start;
        if (len > 0xFFFF) {
            throw new IllegalArgumentException("nested attribute too long: " + len);
        }
        buf.putShort(start, (short) len);
        return this;
    }

    /** The finished message with {@code nlmsg_len} filled in. */
    public byte[] finish() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " nested attribute(s) not closed");
        }
        buf.putInt(0, buf.position());
        return Arrays.copyOf(buf.array(), buf.position());
    }
}
