package org.lvslab.netlink.socket;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import org.lvslab.netlink.Netlink;

/**
 * A bound {@code AF_NETLINK} socket, driven through libc with the FFM API. It is bound to port id
 * 0 (the kernel assigns one) and sends every datagram to the kernel (port id 0, no groups).
 * Receives use a 64 KiB buffer with {@code MSG_TRUNC}, so a datagram that does not fit is an
 * error rather than silently cut; a receive timeout (SO_RCVTIMEO) keeps a silent kernel from
 * hanging the caller. Not thread-safe: one exchange at a time.
 */
public final class NetlinkSocket implements Transport {
    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVBUF = 8;
    private static final int SO_RCVTIMEO = 20;
    private static final int MSG_TRUNC = 0x20;
    private static final int SOCKADDR_NL_SIZE = 12;
    public static final int RECEIVE_BUFFER = 64 * 1024;

    /** libc entry points, linked on first use (so merely loading the codec needs no native access). */
    @SuppressWarnings("restricted") // downcalls into libc are the point of this class
    private static final class Libc {
        static final Linker LINKER = Linker.nativeLinker();
        static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
        static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
        static final VarHandle ERRNO_VALUE = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
        static final MethodHandle SOCKET = link("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        static final MethodHandle BIND = link("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle GETSOCKNAME = link("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle SETSOCKOPT = link("setsockopt",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle SENDTO = link("sendto",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle RECV = link("recv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
        static final MethodHandle CLOSE = link("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));

        private static MethodHandle link(String name, FunctionDescriptor fd) {
            MemorySegment sym = LINKER.defaultLookup().find(name)
                    .orElseThrow(() -> new NetlinkException("the C library has no " + name + "()", 0));
            return LINKER.downcallHandle(sym, fd, ERRNO);
        }
    }

    private final Arena arena = Arena.ofShared();
    private final MemorySegment errno;
    private final MemorySegment kernelAddress;
    private final MemorySegment receive;
    private MemorySegment send;
    private final int fd;
    private final int portId;
    private int receiveBufferBytes;
    private boolean closed;

    private NetlinkSocket(int protocol, int timeoutMillis) {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            arena.close();
            throw new NetlinkException("netlink sockets exist only on Linux (this is " + System.getProperty("os.name") + ")",
                    Errnos.EPROTONOSUPPORT);
        }
        errno = arena.allocate(Libc.CAPTURE);
        kernelAddress = sockaddr(0);
        receive = arena.allocate(RECEIVE_BUFFER);
        send = arena.allocate(4096);
        int s;
        try {
            s = (int) Libc.SOCKET.invokeExact(errno, Netlink.AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol);
        } catch (Throwable t) {
            arena.close();
            throw rethrow(t);
        }
        if (s < 0) {
            int e = lastErrno();
            arena.close();
            throw new NetlinkException("cannot open a netlink socket: " + Errnos.describe(e), e);
        }
        fd = s;
        try {
            MemorySegment local = sockaddr(0);
            check((int) Libc.BIND.invokeExact(errno, fd, local, SOCKADDR_NL_SIZE), "bind");
            MemorySegment len = arena.allocate(JAVA_INT);
            len.set(JAVA_INT, 0, SOCKADDR_NL_SIZE);
            check((int) Libc.GETSOCKNAME.invokeExact(errno, fd, local, len), "getsockname");
            portId = local.get(JAVA_INT, 4);
            if (timeoutMillis > 0) {
                MemorySegment tv = arena.allocate(16);
                tv.set(JAVA_LONG, 0, timeoutMillis / 1000);
                tv.set(JAVA_LONG, 8, (timeoutMillis % 1000) * 1000L);
                check((int) Libc.SETSOCKOPT.invokeExact(errno, fd, SOL_SOCKET, SO_RCVTIMEO, tv, 16), "setsockopt(SO_RCVTIMEO)");
            }
            setReceiveBuffer(1 << 20);
        } catch (RuntimeException e) {
            close();
            throw e;
        } catch (Throwable t) {
            close();
            throw rethrow(t);
        }
    }

    /** A generic-netlink socket with a 5 s receive timeout. */
    public static NetlinkSocket openGeneric() {
        return new NetlinkSocket(Netlink.NETLINK_GENERIC, 5000);
    }

    public static NetlinkSocket open(int protocol, int timeoutMillis) {
        return new NetlinkSocket(protocol, timeoutMillis);
    }

    /** The port id the kernel assigned to this socket (replies carry it as nlmsg_pid). */
    public int portId() {
        return portId;
    }

    private MemorySegment sockaddr(int pid) {
        MemorySegment a = arena.allocate(SOCKADDR_NL_SIZE, 4);
        a.set(JAVA_SHORT, 0, (short) Netlink.AF_NETLINK);
        a.set(JAVA_INT, 4, pid);
        return a;
    }

    private int lastErrno() {
        return (int) Libc.ERRNO_VALUE.get(errno, 0L);
    }

    private void check(int rc, String call) {
        if (rc < 0) {
            int e = lastErrno();
            throw new NetlinkException("netlink " + call + " failed: " + Errnos.describe(e), e);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    private void setReceiveBuffer(int bytes) throws Throwable {
        MemorySegment v = arena.allocate(JAVA_INT);
        v.set(JAVA_INT, 0, bytes);
        // unprivileged callers are capped at net.core.rmem_max; that is fine
        int rc = (int) Libc.SETSOCKOPT.invokeExact(errno, fd, SOL_SOCKET, SO_RCVBUF, v, 4);
        if (rc == 0) {
            receiveBufferBytes = bytes;
        }
    }

    @Override
    public void growReceiveBuffer() {
        try {
            setReceiveBuffer(Math.max(receiveBufferBytes, 1 << 20) * 4);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public void send(byte[] message) {
        ensureOpen();
        if (send.byteSize() < message.length) {
            send = arena.allocate(Math.max(message.length, send.byteSize() * 2));
        }
        MemorySegment.copy(message, 0, send, JAVA_BYTE, 0, message.length);
        try {
            while (true) {
                long n = (long) Libc.SENDTO.invokeExact(errno, fd, send, (long) message.length, 0, kernelAddress, SOCKADDR_NL_SIZE);
                if (n >= 0) {
                    return;
                }
                int e = lastErrno();
                if (e != Errnos.EINTR) {
                    throw new NetlinkException("netlink send failed: " + Errnos.describe(e), e);
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int receive(byte[] buffer) {
        ensureOpen();
        try {
            while (true) {
                long n = (long) Libc.RECV.invokeExact(errno, fd, receive, (long) RECEIVE_BUFFER, MSG_TRUNC);
                if (n >= 0) {
                    if (n > RECEIVE_BUFFER || n > buffer.length) {
                        throw new NetlinkException("a netlink datagram of " + n + " bytes does not fit the "
                                + Math.min(RECEIVE_BUFFER, buffer.length) + "-byte receive buffer", Errnos.ENOBUFS);
                    }
                    MemorySegment.copy(receive, JAVA_BYTE, 0, buffer, 0, (int) n);
                    return (int) n;
                }
                int e = lastErrno();
                if (e == Errnos.EINTR) {
                    continue;
                }
                if (e == Errnos.EAGAIN) {
                    throw new NetlinkException("no answer from the kernel within the receive timeout", e);
                }
                throw new NetlinkException("netlink receive failed: " + Errnos.describe(e), e);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("netlink socket is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // nothing useful can be done about a failed close(2): the descriptor is gone either way
            int ignored = (int) Libc.CLOSE.invokeExact(errno, fd);
        } catch (Throwable t) {
            // closing is best effort
        } finally {
            arena.close();
        }
    }
}
