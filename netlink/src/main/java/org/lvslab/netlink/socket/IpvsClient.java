package org.lvslab.netlink.socket;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.lvslab.ipvs.Errno;
import org.lvslab.netlink.Ipvs;
import org.lvslab.netlink.IpvsInfo;
import org.lvslab.netlink.IpvsReplies;
import org.lvslab.netlink.IpvsRequests;
import org.lvslab.netlink.Netlink;
import org.lvslab.netlink.NetlinkMessage;

/**
 * One conversation with the kernel's IPVS family over a {@link Transport}: resolves the family id
 * through the generic-netlink controller, then sends requests with fresh sequence numbers and
 * collects their answers. Messages with another sequence number (late answers to an earlier
 * request) are skipped. A "do" request ends with NLMSG_ERROR (0 = ACK, else the errno); a dump
 * ends with NLMSG_DONE (whose int is a negative errno if the dump failed), or with an
 * NLMSG_ERROR when the kernel refused to start it. An ENOBUFS overrun during a dump grows the
 * receive buffer and repeats the dump (up to 3 times).
 */
public final class IpvsClient implements AutoCloseable {
    private static final int DUMP_ATTEMPTS = 3;

    private final Transport transport;
    private final IpvsRequests requests;
    private final byte[] buffer = new byte[NetlinkSocket.RECEIVE_BUFFER];
    private int seq;

    /** The answer to one "do" request: the data messages before the ACK and the errno (0 = success). */
    public record Reply(int errno, List<NetlinkMessage> data) {
        public boolean ok() {
            return errno == 0;
        }
    }

    /** Resolves the IPVS family on {@code transport}; throws {@link NetlinkException} if it is absent. */
    public IpvsClient(Transport transport) {
        this(transport, 1);
    }

    private IpvsClient(Transport transport, int firstSeq) {
        this.transport = transport;
        this.seq = firstSeq;
        this.requests = new IpvsRequests(resolveFamily());
    }

    /**
     * Opens a generic-netlink socket and resolves IPVS. If the family is missing and
     * {@code modprobe} is allowed, runs {@code modprobe -q ip_vs} once and retries (as ipvsadm
     * does; newer kernels load the module from the family lookup themselves).
     */
    public static IpvsClient open(boolean modprobe) {
        NetlinkSocket s = NetlinkSocket.openGeneric();
        try {
            return new IpvsClient(s, 1);
        } catch (NetlinkException e) {
            s.close();
            if (e.errno() != Errno.ENOENT || !modprobe || !runModprobe()) {
                throw e;
            }
        }
        NetlinkSocket again = NetlinkSocket.openGeneric();
        try {
            return new IpvsClient(again, 1);
        } catch (RuntimeException e) {
            again.close();
            throw e;
        }
    }

    private static boolean runModprobe() {
        for (String path : new String[] {"/sbin/modprobe", "/usr/sbin/modprobe", "/bin/modprobe"}) {
            if (new java.io.File(path).canExecute()) {
                try {
                    Process p = new ProcessBuilder(path, "-q", "ip_vs").redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private int resolveFamily() {
        int s = seq++;
        transport.send(IpvsRequests.getFamily(s, Ipvs.FAMILY_NAME));
        Reply r = collect(s, false);
        if (r.errno() == Errno.ENOENT) {
            throw new NetlinkException("the kernel has no IPVS generic-netlink family: the ip_vs module is not loaded"
                    + " (try 'modprobe ip_vs' as root)", Errno.ENOENT);
        }
        if (r.errno() != 0) {
            throw new NetlinkException("looking up the IPVS netlink family failed: " + Errnos.describe(r.errno()), r.errno());
        }
        for (NetlinkMessage m : r.data()) {
            if (m.type() == Netlink.GENL_ID_CTRL && m.genlCommand() == Netlink.CTRL_CMD_NEWFAMILY) {
                return IpvsReplies.familyId(m);
            }
        }
        throw new NetlinkException("the generic-netlink controller answered without a family id for IPVS", 0);
    }

    public IpvsRequests requests() {
        return requests;
    }

    public int familyId() {
        return requests.familyId();
    }

    /** Sends a "do" request built for a fresh sequence number and waits for its ACK or error. */
    public Reply call(IntFunction<byte[]> build) {
        int s = seq++;
        transport.send(build.apply(s));
        return collect(s, false);
    }

    /**
     * Runs a dump and returns its data messages in the kernel's order. A refused or failed dump
     * is a {@link NetlinkException} (EPERM explained as missing root / CAP_NET_ADMIN).
     */
    public List<NetlinkMessage> dump(IntFunction<byte[]> build, String what) {
        for (int attempt = 1; ; attempt++) {
            int s = seq++;
            try {
                transport.send(build.apply(s));
                Reply r = collect(s, true);
                if (r.errno() != 0) {
                    throw failure(what, r.errno());
                }
                return r.data();
            } catch (NetlinkException e) {
                if (e.errno() != Errnos.ENOBUFS || attempt == DUMP_ATTEMPTS) {
                    throw e;
                }
                transport.growReceiveBuffer();
            }
        }
    }

    /** GET_INFO; also the cheapest check that the caller may talk to IPVS (EPERM otherwise). */
    public IpvsInfo info() {
        Reply r = call(requests::getInfo);
        if (r.errno() != 0) {
            throw failure("reading the IPVS version (GET_INFO)", r.errno());
        }
        for (NetlinkMessage m : r.data()) {
            if (m.type() == requests.familyId()) {
                return IpvsReplies.info(m.attributes());
            }
        }
        throw new NetlinkException("GET_INFO was acknowledged without an answer", 0);
    }

    /** A {@link NetlinkException} for a request the kernel refused as a whole. */
    public static NetlinkException failure(String what, int errno) {
        if (errno == Errno.EPERM) {
            return new NetlinkException(what + ": permission denied (EPERM): IPVS needs root or CAP_NET_ADMIN"
                    + " in this network namespace", errno);
        }
        return new NetlinkException(what + " failed: " + Errnos.describe(errno), errno);
    }

    private Reply collect(int expectSeq, boolean dump) {
        List<NetlinkMessage> data = new ArrayList<>();
        while (true) {
            int n = transport.receive(buffer);
            // copy out: the messages must outlive the next receive into the same buffer
            byte[] datagram = java.util.Arrays.copyOf(buffer, n);
            for (NetlinkMessage m : NetlinkMessage.split(datagram, n)) {
                if (m.seq() != expectSeq) {
                    continue;
                }
                switch (m.type()) {
                    case Netlink.NLMSG_NOOP -> {
                    }
                    case Netlink.NLMSG_ERROR -> {
                        return new Reply(m.errno(), data);
                    }
                    case Netlink.NLMSG_DONE -> {
                        if (dump) {
                            return new Reply(m.errno(), data);
                        }
                    }
                    case Netlink.NLMSG_OVERRUN -> throw new NetlinkException("netlink overrun", Errnos.ENOBUFS);
                    default -> data.add(m);
                }
            }
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
