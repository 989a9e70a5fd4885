package org.lvslab.netlink;

/** A datagram or attribute that does not follow the netlink framing rules (a truncated or corrupt reply). */
public final class NetlinkFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NetlinkFormatException(String message) {
        super(message);
    }
}
