package org.lvslab.netlink.socket;

/**
 * A datagram channel to the kernel's netlink: what {@link IpvsClient} needs from a socket, so
 * that the exchange logic can be tested against a scripted or emulated kernel.
 */
public interface Transport extends AutoCloseable {
    /** Sends one request message (one datagram). */
    void send(byte[] message);

    /**
     * Receives one datagram into {@code buffer} and returns its length. Throws
     * {@link NetlinkException} on a socket error (ENOBUFS after an overrun, EAGAIN on timeout).
     */
    int receive(byte[] buffer);

    /** Asks for a larger receive buffer after an ENOBUFS overrun; may be a no-op. */
    default void growReceiveBuffer() {
    }

    @Override
    void close();
}
