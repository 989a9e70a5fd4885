package org.lvslab.netlink.sync;

import java.util.List;
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

/** A kernel that refuses its n-th mutating request (0-based) with ENOMEM, once, and delegates everything else. */
final class FailingKernel implements IpvsKernel {
    private final IpvsKernel k;
    private int countdown;

    FailingKernel(IpvsKernel k, int failAt) {
        this.k = k;
        this.countdown = failAt;
    }

    private boolean fail() {
        return countdown-- == 0;
    }

    @Override
    public int addService(ServiceConfig c) {
        return fail() ? Errno.ENOMEM : k.addService(c);
    }

    @Override
    public int editService(ServiceConfig c) {
        return fail() ? Errno.ENOMEM : k.editService(c);
    }

    @Override
    public int deleteService(ServiceKey key) {
        return fail() ? Errno.ENOMEM : k.deleteService(key);
    }

    @Override
    public int flush() {
        return fail() ? Errno.ENOMEM : k.flush();
    }

    @Override
    public int zero(ServiceKey key) {
        return k.zero(key);
    }

    @Override
    public int addDest(ServiceKey s, DestConfig d) {
        return fail() ? Errno.ENOMEM : k.addDest(s, d);
    }

    @Override
    public int editDest(ServiceKey s, DestConfig d) {
        return fail() ? Errno.ENOMEM : k.editDest(s, d);
    }

    @Override
    public int deleteDest(ServiceKey s, IpAddress a, int port) {
        return fail() ? Errno.ENOMEM : k.deleteDest(s, a, port);
    }

    @Override
    public int setTimeouts(int tcp, int fin, int udp) {
        return fail() ? Errno.ENOMEM : k.setTimeouts(tcp, fin, udp);
    }

    @Override
    public Timeouts timeouts() {
        return k.timeouts();
    }

    @Override
    public int startDaemon(DaemonConfig c) {
        return k.startDaemon(c);
    }

    @Override
    public int stopDaemon(int state) {
        return k.stopDaemon(state);
    }

    @Override
    public List<DaemonConfig> daemons() {
        return k.daemons();
    }

    @Override
    public List<ServiceEntry> services() {
        return k.services();
    }

    @Override
    public ServiceEntry service(ServiceKey key) {
        return k.service(key);
    }

    @Override
    public List<DestEntry> dests(ServiceKey key) {
        return k.dests(key);
    }

    @Override
    public String connectionsProcText() {
        return k.connectionsProcText();
    }

    @Override
    public int connectionTableSize() {
        return k.connectionTableSize();
    }
}
