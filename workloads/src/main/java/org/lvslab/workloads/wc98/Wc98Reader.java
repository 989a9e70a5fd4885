package org.lvslab.workloads.wc98;

import java.io.IOException;
import java.io.InputStream;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.ConnectionSource;
import org.lvslab.workloads.ReadReport;
import org.lvslab.workloads.TraceOptions;

/**
 * The WC98 binary access logs: 20-byte big-endian records of timestamp (u32 epoch seconds),
 * clientID, objectID, size (u32, 0xFFFFFFFF = unknown), method, status, type and server (u8;
 * server = region in the top 3 bits, server number in the low 5).
 *
 * <p>The logs hold requests of (mostly HTTP/1.0) clients and no ports, so each request is one TCP
 * connection: client = {@link TraceOptions#wc98ClientBase()} + clientID, client port 0 (not
 * recorded), the virtual service = {@link TraceOptions#defaultService()}, bytes out = size,
 * duration unknown, and the real server observed = 10.1.REGION.SERVER on the service port. Time 0
 * is the first record's second. A final partial record, a region above 3 (the site had four) and
 * a timestamp before its predecessor are bad records (reported by byte offset).
 */
public final class Wc98Reader implements ConnectionSource {
    public static final int RECORD = 20;

    private final InputStream in;
    private final ReadReport report;
    private final TraceOptions opt;
    private final byte[] buf = new byte[RECORD * 4096];
    private int pos;
    private int limit;
    private long offset; // of buf[0]
    private boolean eof;
    private long origin = NO_ORIGIN;
    private long lastTs = -1;
    private final IpAddress[] reals = new IpAddress[256];
    private final org.lvslab.workloads.AddressCache cache = new org.lvslab.workloads.AddressCache();

    public Wc98Reader(InputStream in, String name, TraceOptions opt) {
        this.in = in;
        this.opt = opt;
        this.report = new ReadReport(name, opt.onError());
    }

    @Override
    public long originEpochNs() {
        return origin;
    }

    @Override
    public ReadReport report() {
        return report;
    }

    @Override
    public boolean next(ConnectionRecord r) throws IOException {
        while (true) {
            if (limit - pos < RECORD && !fill()) {
                if (limit > pos) {
                    long at = offset + pos;
                    int have = limit - pos;
                    pos = limit;
                    report.badByte(at, "truncated record: " + have + " of " + RECORD + " bytes");
                }
                return false;
            }
            long at = offset + pos;
            byte[] b = buf;
            int p = pos;
            pos += RECORD;
            long ts = u32(b, p);
            long client = u32(b, p + 4);
            long size = u32(b, p + 12);
            int server = b[p + 19] & 0xff;
            int region = server >>> 5;
            if (region > 3) {
                report.badByte(at, "server byte 0x" + Integer.toHexString(server) + " names region " + region
                        + " (WC98 had regions 0-3; is this a WC98 file?)");
                continue;
            }
            if (ts < lastTs) {
                report.badByte(at, "timestamp " + ts + " is before the previous record's " + lastTs);
                continue;
            }
            lastTs = ts;
            if (origin == NO_ORIGIN) {
                origin = ts * 1_000_000_000L;
            }
            int baseV4 = opt.wc98ClientBase().v4();
            r.clear();
            r.timeNs(ts * 1_000_000_000L - origin).protocol(Protocol.TCP)
                    .client(cache.v4(baseV4 + (int) client), 0)
                    .vip(opt.defaultService().address(), opt.defaultService().port())
                    .bytesOut(size == 0xffffffffL ? ConnectionRecord.UNKNOWN : size);
            IpAddress real = reals[server];
            if (real == null) {
                real = IpAddress.ofV4((10 << 24) | (1 << 16) | (region << 8) | (server & 0x1f));
                reals[server] = real;
            }
            r.realServer(real, opt.defaultService().port());
            return true;
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int rest = limit - pos;
        System.arraycopy(buf, pos, buf, 0, rest);
        offset += pos;
        pos = 0;
        limit = rest;
        while (limit < RECORD) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                return false;
            }
            limit += n;
        }
        return true;
    }

    private static long u32(byte[] b, int p) {
        return ((b[p] & 0xffL) << 24) | ((b[p + 1] & 0xffL) << 16) | ((b[p + 2] & 0xffL) << 8) | (b[p + 3] & 0xffL);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
