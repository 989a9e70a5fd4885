package org.lvslab.netlink.socket;

/**
 * The kernel could not be asked at all, or refused in a way that is not a per-request answer:
 * no netlink socket, IPVS not loaded, no permission, no reply. {@link #errno()} is the positive
 * errno behind it (0 when none applies).
 */
public final class NetlinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int errno;

    public NetlinkException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
