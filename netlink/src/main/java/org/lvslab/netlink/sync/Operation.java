package org.lvslab.netlink.sync;

import java.util.ArrayList;
import java.util.List;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.ipvs.Timeouts;
import org.lvslab.ipvsadm.kernel.IpvsKernel;

/**
 * One change to an IPVS table: exactly one kernel request. Each operation remembers the state it
 * replaces, so that {@link #inverse()} can undo it (as far as configuration goes: counters and
 * connections of a deleted service or server are gone for good, and a re-added server goes to
 * the front of its list).
 */
public sealed interface Operation {
    /** Sends the request; returns 0 or the kernel's errno. */
    int apply(IpvsKernel kernel);

    /** The same change as ipvsadm arguments (without the program name). */
    String ipvsadm();

    /** The operations that undo this one, in order. */
    List<Operation> inverse();

    record AddService(ServiceConfig config) implements Operation {
        @Override
        public int apply(IpvsKernel k) {
            return k.addService(config);
        }

        @Override
        public String ipvsadm() {
            return "-A " + IpvsadmText.service(config.key()) + " " + IpvsadmText.serviceOptions(config);
        }

        @Override
        public List<Operation> inverse() {
            return List.of(new DeleteService(new KernelService(config, List.of())));
        }
    }

    record EditService(ServiceConfig from, ServiceConfig to) implements Operation {
        @Override
        public int apply(IpvsKernel k) {
            return k.editService(to);
        }

        @Override
        public String ipvsadm() {
            return "-E " + IpvsadmText.service(to.key()) + " " + IpvsadmText.serviceOptions(to);
        }

        @Override
        public List<Operation> inverse() {
            return List.of(new EditService(to, from));
        }
    }

    /** Deletes a service with all its servers; {@code old} is what it held (for the inverse). */
    record DeleteService(KernelService old) implements Operation {
        @Override
        public int apply(IpvsKernel k) {
            return k.deleteService(old.key());
        }

        @Override
        public String ipvsadm() {
            return "-D " + IpvsadmText.service(old.key());
        }

        @Override
        public List<Operation> inverse() {
            List<Operation> ops = new ArrayList<>();
            ops.add(new AddService(old.config()));
            for (int i = old.dests().size() - 1; i >= 0; i--) {
                ops.add(new AddDest(old.key(), old.dests().get(i))); // oldest first: list order comes back
            }
            return ops;
        }
    }

    record AddDest(ServiceKey service, DestConfig dest) implements Operation {
        @Override
        public int apply(IpvsKernel k) {
            return k.addDest(service, dest);
        }

        @Override
        public String ipvsadm() {
            return "-a " + IpvsadmText.service(service) + " " + IpvsadmText.destOptions(dest);
        }

        @Override
        public List<Operation> inverse() {
            return List.of(new DeleteDest(service, dest));
        }
    }

    record EditDest(ServiceKey service, DestConfig from, DestConfig to) implements Operation {
        @Override
        public int apply(IpvsKernel k) {
            return k.editDest(service, to);
        }

        @Override
        public String ipvsadm() {
            return "-e " + IpvsadmText.service(service) + " " + IpvsadmText.destOptions(to);
        }

        @Override
        public List<Operation> inverse() {
            return List.of(new EditDest(service, to, from));
        }
    }

    record DeleteDest(ServiceKey service, DestConfig old) implements Operation {
        @Override
        public int apply(IpvsKernel k) {
            return k.deleteDest(service, old.address(), old.port());
        }

        @Override
        public String ipvsadm() {
            return "-d " + IpvsadmText.service(service) + " -r " + IpvsadmText.hostPort(old.address(), old.port());
        }

        @Override
        public List<Operation> inverse() {
            return List.of(new AddDest(service, old));
        }
    }

    record SetTimeouts(Timeouts from, Timeouts to) implements Operation {
        @Override
        public int apply(IpvsKernel k) {
            return k.setTimeouts(to.tcp(), to.tcpFin(), to.udp());
        }

        @Override
        public String ipvsadm() {
            return "--set " + to.tcp() + " " + to.tcpFin() + " " + to.udp();
        }

        @Override
        public List<Operation> inverse() {
            return List.of(new SetTimeouts(to, from));
        }
    }
}
