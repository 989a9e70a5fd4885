package org.lvslab.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One received netlink message: the {@code nlmsghdr} fields and the payload after the header
 * (a read-only, host-order view). {@link #split} cuts a datagram into its messages.
 */
public record NetlinkMessage(int type, int flags, int seq, int portId, ByteBuffer payload) {

    /**
     * The messages of one datagram, back to back at 4-byte-aligned offsets. A length field that
     * is shorter than a header or runs past the datagram is a {@link NetlinkFormatException}.
     */
    public static List<NetlinkMessage> split(byte[] datagram, int length) {
        ByteBuffer b = ByteBuffer.wrap(datagram, 0, length).order(ByteOrder.nativeOrder());
        List<NetlinkMessage> out = new ArrayList<>();
        int off = 0;
        while (length - off >= Netlink.NLMSG_HDRLEN) {
            int len = b.getInt(off);
            if (len < Netlink.NLMSG_HDRLEN || len > length - off) {
                throw new NetlinkFormatException("netlink message at offset " + off + " has length " + Integer.toUnsignedString(len)
                        + " but " + (length - off) + " bytes are left in the datagram");
            }
            int type = b.getShort(off + 4) & 0xFFFF;
            int flags = b.getShort(off + 6) & 0xFFFF;
            int seq = b.getInt(off + 8);
            int pid = b.getInt(off + 12);
            ByteBuffer payload = b.slice(off + Netlink.NLMSG_HDRLEN, len - Netlink.NLMSG_HDRLEN).asReadOnlyBuffer()
                    .order(ByteOrder.nativeOrder());
            out.add(new NetlinkMessage(type, flags, seq, pid, payload));
            off += Netlink.align(len);
        }
        return out;
    }

    public static List<NetlinkMessage> split(byte[] datagram) {
        return split(datagram, datagram.length);
    }

    public boolean isError() {
        return type == Netlink.NLMSG_ERROR;
    }

    public boolean isDone() {
        return type == Netlink.NLMSG_DONE;
    }

    /**
     * For NLMSG_ERROR: the positive errno (0 = ACK); for NLMSG_DONE: the positive errno a failed
     * dump reports (0 = normal end). The kernel stores the negative value as an s32.
     */
    public int errno() {
        if (!isError() && !isDone()) {
            throw new IllegalStateException("not an NLMSG_ERROR or NLMSG_DONE message");
        }
        if (payload.limit() < 4) {
            if (isDone()) {
                return 0; // very old kernels sent DONE without the int
            }
            throw new NetlinkFormatException("NLMSG_ERROR message without an error code");
        }
        return -payload.getInt(0);
    }

    /** Genl command byte of a data message. */
    public int genlCommand() {
        requireGenl();
        return payload.get(0) & 0xFF;
    }

    public int genlVersion() {
        requireGenl();
        return payload.get(1) & 0xFF;
    }

    /** The top-level attributes after the genl header. */
    public Attributes attributes() {
        requireGenl();
        return Attributes.parse(payload.slice(Netlink.GENL_HDRLEN, payload.limit() - Netlink.GENL_HDRLEN));
    }

    private void requireGenl() {
        if (payload.limit() < Netlink.GENL_HDRLEN) {
            throw new NetlinkFormatException("message of type " + type + " is shorter than a genl header");
        }
    }
}
