package org.lvslab.ipvsadm.kernel;

import java.util.List;
import org.lvslab.ipvs.DaemonConfig;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.ipvs.Timeouts;

/**
 * The kernel requests ipvsadm makes (one method per generic-netlink command it sends). Mutating
 * requests return 0 or a positive errno and change nothing when they fail.
 */
public interface IpvsKernel {
    int addService(ServiceConfig config);

    int editService(ServiceConfig config);

    int deleteService(ServiceKey key);

    int flush();

    /** Zero counters of one service, or of everything when {@code key} is null. */
    int zero(ServiceKey key);

    int addDest(ServiceKey service, DestConfig dest);

    int editDest(ServiceKey service, DestConfig dest);

    int deleteDest(ServiceKey service, IpAddress address, int port);

    /** 0 leaves a timeout unchanged. */
    int setTimeouts(int tcp, int tcpFin, int udp);

    Timeouts timeouts();

    int startDaemon(DaemonConfig config);

    int stopDaemon(int state);

    /** Running daemons, master first. */
    List<DaemonConfig> daemons();

    /** All services in dump order (non-fwmark services first, then fwmark services). */
    List<ServiceEntry> services();

    /** One service, or null when it does not exist (ESRCH). */
    ServiceEntry service(ServiceKey key);

    /** The real servers of a service in kernel list order (newest first); empty when none or no such service. */
    List<DestEntry> dests(ServiceKey key);

    /** The text of {@code /proc/net/ip_vs_conn}, or null when that file does not exist. */
    String connectionsProcText();

    /** Size of the connection hash table, as the version line shows it. */
    int connectionTableSize();
}
