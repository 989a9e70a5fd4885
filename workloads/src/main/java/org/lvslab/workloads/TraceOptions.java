package org.lvslab.workloads;

import org.lvslab.ipvs.IpAddress;

/**
 * Settings shared by the trace readers. Defaults: stop at the first bad record; a 60 s reorder
 * window (how far out of time order log lines or packets may come: logs are written at request
 * completion, multi-interface captures interleave per-interface buffers); 75 s keep-alive idle
 * (nginx's {@code keepalive_timeout} default) to end a connection whose requests stopped; UDP
 * flows end after 30 s of silence and TCP flows without FIN/RST after 900 s (IPVS's established
 * timeout); WC98 clients are numbered into 172.16.0.0/12; formats that do not record the virtual
 * service (WC98, access logs without $server_addr) use {@code defaultService} 10.0.0.1:80; at most
 * {@code maxPending} (1 000 000) connections are held back to be handed out in start order.
 *
 * @param logFormat nginx {@code log_format} or Apache {@code LogFormat} string or predefined
 *     format name (access logs only; null = the server's default, see docs/workloads.md)
 * @param maxPending how many connections a reader may hold back behind one that is still open;
 *     past that the oldest open one is handed out early with an unknown duration
 */
public record TraceOptions(OnError onError, String logFormat, long reorderWindowNs, long keepaliveIdleNs,
        long udpIdleNs, long tcpIdleNs, IpAddress wc98ClientBase, Endpoint defaultService, int maxPending) {

    public static final int DEFAULT_MAX_PENDING = 1_000_000;

    public TraceOptions {
        if (maxPending < 1) {
            throw new IllegalArgumentException("max pending connections must be at least 1, got " + maxPending);
        }
        if (reorderWindowNs < 0 || keepaliveIdleNs < 0 || udpIdleNs < 0 || tcpIdleNs < 0) {
            throw new IllegalArgumentException("windows and timeouts must not be negative");
        }
    }

    /** The pre-maxPending constructor (kept for callers written against it). */
    public TraceOptions(OnError onError, String logFormat, long reorderWindowNs, long keepaliveIdleNs,
            long udpIdleNs, long tcpIdleNs, IpAddress wc98ClientBase, Endpoint defaultService) {
        this(onError, logFormat, reorderWindowNs, keepaliveIdleNs, udpIdleNs, tcpIdleNs, wc98ClientBase, defaultService,
                DEFAULT_MAX_PENDING);
    }

    public static TraceOptions defaults() {
        return new TraceOptions(OnError.STOP, null, 60_000_000_000L, 75_000_000_000L, 30_000_000_000L,
                900_000_000_000L, IpAddress.parse("172.16.0.0"), Endpoint.parse("10.0.0.1:80"), DEFAULT_MAX_PENDING);
    }

    public TraceOptions withOnError(OnError e) {
        return new TraceOptions(e, logFormat, reorderWindowNs, keepaliveIdleNs, udpIdleNs, tcpIdleNs, wc98ClientBase, defaultService, maxPending);
    }

    public TraceOptions withLogFormat(String f) {
        return new TraceOptions(onError, f, reorderWindowNs, keepaliveIdleNs, udpIdleNs, tcpIdleNs, wc98ClientBase, defaultService, maxPending);
    }

    public TraceOptions withReorderWindowNs(long ns) {
        return new TraceOptions(onError, logFormat, ns, keepaliveIdleNs, udpIdleNs, tcpIdleNs, wc98ClientBase, defaultService, maxPending);
    }

    public TraceOptions withKeepaliveIdleNs(long ns) {
        return new TraceOptions(onError, logFormat, reorderWindowNs, ns, udpIdleNs, tcpIdleNs, wc98ClientBase, defaultService, maxPending);
    }

    public TraceOptions withUdpIdleNs(long ns) {
        return new TraceOptions(onError, logFormat, reorderWindowNs, keepaliveIdleNs, ns, tcpIdleNs, wc98ClientBase, defaultService, maxPending);
    }

    public TraceOptions withDefaultService(Endpoint e) {
        return new TraceOptions(onError, logFormat, reorderWindowNs, keepaliveIdleNs, udpIdleNs, tcpIdleNs, wc98ClientBase, e, maxPending);
    }

    public TraceOptions withTcpIdleNs(long ns) {
        return new TraceOptions(onError, logFormat, reorderWindowNs, keepaliveIdleNs, udpIdleNs, ns, wc98ClientBase, defaultService, maxPending);
    }

    public TraceOptions withMaxPending(int n) {
        return new TraceOptions(onError, logFormat, reorderWindowNs, keepaliveIdleNs, udpIdleNs, tcpIdleNs, wc98ClientBase, defaultService, n);
    }
}
