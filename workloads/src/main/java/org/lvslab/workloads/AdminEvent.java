package org.lvslab.workloads;

import java.util.Objects;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.ServiceKey;

/**
 * An administrator's action at a point of simulated time ({@code timeNs}, same clock as
 * {@link ConnectionRecord#timeNs()}). A timeline of these is read by {@link AdminTimeline}. The
 * simulator maps each to the control-path call the kernel would get ({@code ip_vs_ctl.c}).
 */
public sealed interface AdminEvent {
    long timeNs();

    ServiceKey service();

    /** {@code ipvsadm -a}: a new real server. */
    record AddServer(long timeNs, ServiceKey service, DestConfig dest) implements AdminEvent {
        public AddServer {
            Objects.requireNonNull(service);
            Objects.requireNonNull(dest);
        }
    }

    /** {@code ipvsadm -d}: the real server leaves the service (its connections go to the trash). */
    record RemoveServer(long timeNs, ServiceKey service, IpAddress real, int port) implements AdminEvent {
        public RemoveServer {
            Objects.requireNonNull(service);
            Objects.requireNonNull(real);
        }
    }

    /** {@code ipvsadm -e -w W}. */
    record SetWeight(long timeNs, ServiceKey service, IpAddress real, int port, int weight) implements AdminEvent {
        public SetWeight {
            Objects.requireNonNull(service);
            Objects.requireNonNull(real);
        }
    }

    /** Weight to 0: no new connections, existing ones finish (a graceful drain). */
    record Drain(long timeNs, ServiceKey service, IpAddress real, int port) implements AdminEvent {
        public Drain {
            Objects.requireNonNull(service);
            Objects.requireNonNull(real);
        }
    }

    /**
     * The real server dies abruptly: it stops answering while still configured (the director does
     * not know until a health checker removes it); its open connections are lost.
     */
    record Fail(long timeNs, ServiceKey service, IpAddress real, int port) implements AdminEvent {
        public Fail {
            Objects.requireNonNull(service);
            Objects.requireNonNull(real);
        }
    }

    /** {@code ipvsadm -e -x U -y L} (0 = no limit). */
    record SetThresholds(long timeNs, ServiceKey service, IpAddress real, int port, long upper, long lower)
            implements AdminEvent {
        public SetThresholds {
            Objects.requireNonNull(service);
            Objects.requireNonNull(real);
        }
    }

    /** {@code ipvsadm -E -s NAME}: the service changes scheduler. */
    record SetScheduler(long timeNs, ServiceKey service, String scheduler) implements AdminEvent {
        public SetScheduler {
            Objects.requireNonNull(service);
            Objects.requireNonNull(scheduler);
        }
    }
}
