package org.lvslab.netlink.socket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lvslab.ipvs.AddressFamily;
import org.lvslab.ipvs.DaemonConfig;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.Errno;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.ipvs.Timeouts;
import org.lvslab.ipvsadm.kernel.DestEntry;
import org.lvslab.ipvsadm.kernel.IpvsKernel;
import org.lvslab.ipvsadm.kernel.ServiceEntry;
import org.lvslab.netlink.Ipvs;
import org.lvslab.netlink.IpvsReplies;
import org.lvslab.netlink.NetlinkMessage;

/**
 * The running kernel as an {@link IpvsKernel}: every method is one netlink exchange (mutations
 * return the kernel's errno, as the simulated kernel does), so the ipvsadm front end, the
 * pusher and the puller work on it unchanged. Reads that the kernel refuses (EPERM) throw
 * {@link NetlinkException}. Services are listed in the kernel's dump order, real servers in
 * its list order (newest first).
 */
public final class NetlinkKernel implements IpvsKernel, AutoCloseable {
    private final IpvsClient client;

    public NetlinkKernel(IpvsClient client) {
        this.client = client;
    }

    /** Opens a socket, resolves IPVS (loading ip_vs with modprobe if needed) and checks access with GET_INFO. */
    public static NetlinkKernel open() {
        IpvsClient c = IpvsClient.open(true);
        try {
            c.info();
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return new NetlinkKernel(c);
    }

    public IpvsClient client() {
        return client;
    }

    @Override
    public int addService(ServiceConfig config) {
        return client.call(s -> client.requests().newService(s, config)).errno();
    }

    @Override
    public int editService(ServiceConfig config) {
        return client.call(s -> client.requests().editService(s, config)).errno();
    }

    @Override
    public int deleteService(ServiceKey key) {
        return client.call(s -> client.requests().deleteService(s, key)).errno();
    }

    @Override
    public int flush() {
        return client.call(s -> client.requests().flush(s)).errno();
    }

    @Override
    public int zero(ServiceKey key) {
        return client.call(s -> client.requests().zero(s, key)).errno();
    }

    @Override
    public int addDest(ServiceKey service, DestConfig dest) {
        return client.call(s -> client.requests().newDest(s, service, dest)).errno();
    }

    @Override
    public int editDest(ServiceKey service, DestConfig dest) {
        return client.call(s -> client.requests().editDest(s, service, dest)).errno();
    }

    @Override
    public int deleteDest(ServiceKey service, IpAddress address, int port) {
        return client.call(s -> client.requests().deleteDest(s, service, address, port)).errno();
    }

    @Override
    public int setTimeouts(int tcp, int tcpFin, int udp) {
        return client.call(s -> client.requests().setConfig(s, new Timeouts(tcp, tcpFin, udp))).errno();
    }

    @Override
    public Timeouts timeouts() {
        IpvsClient.Reply r = client.call(s -> client.requests().getConfig(s));
        if (!r.ok()) {
            throw IpvsClient.failure("reading the IPVS timeouts (GET_CONFIG)", r.errno());
        }
        for (NetlinkMessage m : r.data()) {
            if (m.type() == client.familyId()) {
                return IpvsReplies.timeouts(m.attributes());
            }
        }
        throw new NetlinkException("GET_CONFIG was acknowledged without an answer", 0);
    }

    @Override
    public int startDaemon(DaemonConfig config) {
        return client.call(s -> client.requests().newDaemon(s, config)).errno();
    }

    @Override
    public int stopDaemon(int state) {
        return client.call(s -> client.requests().deleteDaemon(s, state)).errno();
    }

    @Override
    public List<DaemonConfig> daemons() {
        List<DaemonConfig> out = new ArrayList<>(2);
        for (NetlinkMessage m : client.dump(s -> client.requests().dumpDaemons(s), "listing the sync daemons (GET_DAEMON)")) {
            if (m.type() == client.familyId() && m.attributes().has(Ipvs.CMD_ATTR_DAEMON)) {
                out.add(IpvsReplies.daemon(m.attributes().nested(Ipvs.CMD_ATTR_DAEMON, "DAEMON")));
            }
        }
        out.sort(java.util.Comparator.comparingInt(DaemonConfig::state)); // master first, as the interface promises
        return out;
    }

    @Override
    public List<ServiceEntry> services() {
        List<ServiceEntry> out = new ArrayList<>();
        for (NetlinkMessage m : client.dump(s -> client.requests().dumpServices(s), "listing the services (GET_SERVICE)")) {
            if (m.type() == client.familyId() && m.attributes().has(Ipvs.CMD_ATTR_SERVICE)) {
                out.add(IpvsReplies.service(m.attributes().nested(Ipvs.CMD_ATTR_SERVICE, "SERVICE")));
            }
        }
        return out;
    }

    @Override
    public ServiceEntry service(ServiceKey key) {
        IpvsClient.Reply r = client.call(s -> client.requests().getService(s, key));
        if (r.errno() == Errno.ESRCH) {
            return null;
        }
        if (!r.ok()) {
            throw IpvsClient.failure("reading a service (GET_SERVICE)", r.errno());
        }
        for (NetlinkMessage m : r.data()) {
            if (m.type() == client.familyId() && m.attributes().has(Ipvs.CMD_ATTR_SERVICE)) {
                return IpvsReplies.service(m.attributes().nested(Ipvs.CMD_ATTR_SERVICE, "SERVICE"));
            }
        }
        return null;
    }

    @Override
    public List<DestEntry> dests(ServiceKey key) {
        AddressFamily af = key.family();
        List<DestEntry> out = new ArrayList<>();
        for (NetlinkMessage m : client.dump(s -> client.requests().dumpDests(s, key), "listing real servers (GET_DEST)")) {
            if (m.type() == client.familyId() && m.attributes().has(Ipvs.CMD_ATTR_DEST)) {
                out.add(IpvsReplies.dest(m.attributes().nested(Ipvs.CMD_ATTR_DEST, "DEST"), af));
            }
        }
        return out;
    }

    /** The real {@code /proc/net/ip_vs_conn} (the IPVS family has no connection dump). */
    @Override
    public String connectionsProcText() {
        try {
            return Files.readString(Path.of("/proc/net/ip_vs_conn"), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public int connectionTableSize() {
        return client.info().connTableSize();
    }

    @Override
    public void close() {
        client.close();
    }
}
