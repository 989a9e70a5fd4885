package org.lvslab.netlink.sync;

import java.util.List;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceKey;

/** One service's configuration and its real servers in kernel list order (index 0 = newest). */
public record KernelService(ServiceConfig config, List<DestConfig> dests) {
    public KernelService {
        dests = List.copyOf(dests);
    }

    public ServiceKey key() {
        return config.key();
    }

    /** The real server with this identity, or null. */
    public DestConfig find(IpAddress address, int port) {
        for (DestConfig d : dests) {
            if (d.port() == port && d.address().equals(address)) {
                return d;
            }
        }
        return null;
    }
}
