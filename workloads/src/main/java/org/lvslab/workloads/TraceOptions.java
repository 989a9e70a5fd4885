package org.lvslab.workloads;

import org.lvslab.ipvs.IpAddress;

/**
 * Settings shared by the trace readers. Defaults: stop at the first bad record; a 60 s reorder
 * window for logs written at request completion; 75 s keep-alive idle (nginx's
 * {@code keepalive_timeout} default) to end a connection whose requests stopped; UDP flows end
 * after 30 s of silence and TCP flows without FIN/RST after 900 s (IPVS's established timeout);
 * WC98 clients are numbered into 172.16.0.0/12; formats that do not record the virtual service (WC98, access logs without $server_addr) use {@code defaultService} 10.0.0.1:80.
 *
 * @param logFormat nginx {@code log_format} or Apache {@code LogFormat} string (access logs only)
 */
public record TraceOptions(OnError onError, String logFormat, long reorderWindowNs, long keepaliveIdleNs,
        long udpIdleNs, long tcpIdleNs, IpAddress wc98ClientBase, Endpoint defaultService) {

    public static TraceOptions defaults() {
        return new TraceOptions(OnError.STOP, null, 60_000_000_000L, 75_000_000_000L, 30_000_000_000L,
                900_000_000_000L, IpAddress.parse("172.16.0.0"), Endpoint.parse("10.0.0.1:80"));
    }

    public TraceOptions withOnError(OnError e) {
        return new TraceOptions(e, logFormat, reorderWindowNs, keepaliveIdleNs, udpIdleNs, tcpIdleNs, wc98ClientBase, defaultService);
    }

    public TraceOptions withLogFormat(String f) {
        return new TraceOptions(onError, f, reorderWindowNs, keepaliveIdleNs, udpIdleNs, tcpIdleNs, wc98ClientBase, defaultService);
    }

    public TraceOptions withReorderWindowNs(long ns) {
        return new TraceOptions(onError, logFormat, ns, keepaliveIdleNs, udpIdleNs, tcpIdleNs, wc98ClientBase, defaultService);
    }

    public TraceOptions withKeepaliveIdleNs(long ns) {
        return new TraceOptions(onError, logFormat, reorderWindowNs, ns, udpIdleNs, tcpIdleNs, wc98ClientBase, defaultService);
    }

    public TraceOptions withUdpIdleNs(long ns) {
        return new TraceOptions(onError, logFormat, reorderWindowNs, keepaliveIdleNs, ns, tcpIdleNs, wc98ClientBase, defaultService);
    }

    public TraceOptions withDefaultService(Endpoint e) {
        return new TraceOptions(onError, logFormat, reorderWindowNs, keepaliveIdleNs, udpIdleNs, tcpIdleNs, wc98ClientBase, e);
    }

    public TraceOptions withTcpIdleNs(long ns) {
        return new TraceOptions(onError, logFormat, reorderWindowNs, keepaliveIdleNs, udpIdleNs, ns, wc98ClientBase, defaultService);
    }
}
