package org.lvslab.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lvslab.engine.EventHandler;
import org.lvslab.engine.EventLoop;
import org.lvslab.engine.RandomStreams;
import org.lvslab.ipvs.ConnectionTable;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.Errno;
import org.lvslab.ipvs.ForwardingMethod;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceFlags;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.ipvs.Verdict;
import org.lvslab.ipvs.VirtualService;
import org.lvslab.ipvs.sched.SchedulerRegistry;
import org.lvslab.reports.AdminMark;
import org.lvslab.reports.RunResult;
import org.lvslab.reports.Totals;
import org.lvslab.reports.io.Fmt;
import org.lvslab.reports.metrics.DisruptionTracker;
import org.lvslab.reports.metrics.LatencyRecorder;
import org.lvslab.reports.metrics.LoadSeries;
import org.lvslab.sim.server.ServerModel;
import org.lvslab.workloads.AdminEvent;
import org.lvslab.workloads.AdminTimeline;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.ConnectionSource;

/**
 * One simulation run: builds the directors' tables from the rules, streams the workload as
 * events, drives every connection's packets through its director's {@link IpvsTable}, applies the
 * admin timeline, samples the load and returns a {@link RunResult}.
 *
 * <h2>Packets of a connection</h2>
 * TCP: at arrival the client's SYN, then (NAT only: the director sees replies) the server's
 * SYN+ACK, then the client's ACK, all at the arrival instant; at the end the client's FIN+ACK,
 * (NAT) the server's FIN+ACK and the client's last ACK. Connections longer than half the
 * ESTABLISHED timeout send an ACK every {@link #KEEPALIVE_NS} so the entry does not expire under
 * them. UDP: one datagram at arrival and (NAT) one reply at the end. The table's own timers
 * expire the entries afterwards (TIME_WAIT, FIN_WAIT, UDP), exactly as in the kernel model, so
 * the counters a scheduler reads include inactive connections ({@code ip_vs_proto_tcp.c}).
 *
 * <h2>Failures</h2>
 * A failed real server stops answering but stays configured until the health checker removes it
 * {@link SimulationSpec#healthCheckNs()} later. Its open connections are lost (the client gives
 * up and sends a RST {@link #CLIENT_TIMEOUT_NS} later); new connections scheduled to it in the
 * meantime fail (their SYN goes unanswered and the entry lingers in SYN_RECV).
 *
 * <p>Everything runs on one thread on one {@link EventLoop}: the result depends only on the spec.
 */
public final class Simulation implements EventHandler {
    /** Period of keep-alive ACKs on long connections. */
    static final long KEEPALIVE_NS = 300_000_000_000L;
    /** How long a client waits on a dead server before it resets the connection. */
    static final long CLIENT_TIMEOUT_NS = 3_000_000_000L;
    /** Above this many samples an automatic sampler halves its resolution. */
    static final int MAX_SAMPLES = 2400;

    private static final int K_ARRIVAL = 1;
    private static final int K_END = 2;
    private static final int K_KEEPALIVE = 3;
    private static final int K_SAMPLE = 4;
    private static final int K_ADMIN = 5;
    private static final int K_HEALTH = 6;
    private static final int K_ABORT = 7;

    private static final byte S_FREE = 0;
    private static final byte S_OPEN = 1;
    private static final byte S_ABORTING = 2;

    private final SimulationSpec spec;
    private final Progress progress;
    private final EventLoop loop = new EventLoop();
    private final ServerIndex servers = new ServerIndex();
    private Director[] directors;
    private ServerModel[] models;
    private boolean[] down;
    private int[] openPerServer;
    private long[] connectionsPerServer;

    private final Packet pkt = new Packet();
    private final ConnectionRecord rec = new ConnectionRecord();
    private ConnectionSource source;
    private boolean sourceDone;
    private long pendingCloses;
    private long lastAdminTime;
    /** Whether the timeline has an event whose disruption is measured (all but threshold changes). */
    private boolean trackDisruption;

    // connection slots (structure of arrays, free list)
    private byte[] state = new byte[1024];
    private int[] dir = new int[1024];
    private int[] server = new int[1024];
    private long[] start = new long[1024];
    private IpAddress[] caddr = new IpAddress[1024];
    private int[] cport = new int[1024];
    private IpAddress[] vaddr = new IpAddress[1024];
    private int[] vport = new int[1024];
    private int[] fwmark = new int[1024];
    private boolean[] udp = new boolean[1024];
    private boolean[] nat = new boolean[1024];
    private long[] clientKey = new long[1024];
    private long[] timer = new long[1024];
    private IpAddress[] raddr = new IpAddress[1024];
    private int[] rport = new int[1024];
    private int[] nextFree = new int[1024];
    private int freeHead = -1;
    private int slotsUsed;
    private int live;

    // metrics
    private LoadSeries load;
    private final DisruptionTracker disruption = new DisruptionTracker();
    private final LatencyRecorder latency = new LatencyRecorder();
    private long offered;
    private long scheduled;
    private long refused;
    private long failed;
    private long persistenceHits;
    private long unmatched;
    private long samplePeriod;
    private boolean autoSampling;
    private long expectedEnd;
    private int[] sActive;
    private int[] sInactive;
    private int[] sBusy;
    private int[] sWeight;

    private Simulation(SimulationSpec spec, Progress progress) {
        this.spec = spec;
        this.progress = progress;
    }

    /** Loads rules in {@code ipvsadm -R} form into a table; errors name the file and line. */
    public static void applyRules(IpvsTable table, String name, String text) {
        Rules.apply(table, name, text);
    }

    /** Runs {@code spec} to the end and returns what it measured. */
    public static RunResult run(SimulationSpec spec, Progress progress) {
        return new Simulation(spec, progress).execute();
    }

    public static RunResult run(SimulationSpec spec) {
        return run(spec, Progress.NONE);
    }

    private RunResult execute() {
        setUp();
        try (ConnectionSource src = spec.workload().open()) {
            source = src;
            readNext();
            if (!sourceDone) {
                loop.schedule(rec.timeNs(), this, K_ARRIVAL, 0);
            }
            for (int i = 0; i < spec.timeline().size(); i++) {
                loop.schedule(spec.timeline().get(i).timeNs(), this, K_ADMIN, i);
            }
            sample();
            loop.schedule(samplePeriod, this, K_SAMPLE, 0);
            long hardEnd = spec.durationNs() > 0 ? spec.durationNs() : Long.MAX_VALUE;
            // asked before every event: keep it to a few field reads (nextTime() makes the
            // timer wheel look ahead, so it is only consulted when the run has a hard end)
            if (hardEnd == Long.MAX_VALUE) {
                loop.run(l -> finished());
            } else {
                loop.run(l -> l.nextTime() > hardEnd || finished());
            }
            if (hardEnd != Long.MAX_VALUE && loop.now() < hardEnd) {
                loop.advanceTo(Math.min(hardEnd, loop.nextTime()));
            }
            if (load.samples() == 0 || load.time(load.samples() - 1) < loop.now()) {
                sample();
            }
            progress.update(loop.now(), expectedEnd, offered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result();
    }

    private boolean finished() {
        return sourceDone && pendingCloses == 0 && loop.now() >= lastAdminTime;
    }

    /** The run lasts at least until the last admin event (and a failure's health-check removal). */
    private long computeLastAdminTime() {
        long last = 0;
        for (AdminEvent e : spec.timeline()) {
            last = Math.max(last, e.timeNs() + (e instanceof AdminEvent.Fail ? spec.healthCheckNs() : 0));
        }
        return last;
    }

    // ---- set-up --------------------------------------------------------------------------------

    private void setUp() {
        int n = spec.directors();
        directors = new Director[n];
        RandomStreams master = new RandomStreams(spec.seed());
        for (int d = 0; d < n; d++) {
            SchedulerRegistry registry = SchedulerRegistry.load(Simulation.class.getClassLoader());
            IpvsTable table = new IpvsTable(loop, spec.kernel(), registry, spec.hz(),
                    new RandomStreams(master.seedFor("director-" + d)));
            Rules.apply(table, spec.rulesName(), spec.rulesText());
            directors[d] = new Director(d, table, servers);
            table.addObserver(directors[d]);
        }
        // servers in rules order (the kernel lists newest first; the file's order is oldest first)
        for (VirtualService svc : directors[0].table.services()) {
            for (int i = svc.destCount() - 1; i >= 0; i--) {
                servers.add(svc.dest(i).address(), svc.dest(i).port());
            }
        }
        for (AdminEvent e : spec.timeline()) {
            if (e instanceof AdminEvent.AddServer a) {
                servers.add(a.dest().address(), a.dest().port());
            }
        }
        if (servers.size() == 0) {
            throw new SimulationException(spec.rulesName() + ": the rules define no real server");
        }
        int s = servers.size();
        down = new boolean[s];
        openPerServer = new int[s];
        connectionsPerServer = new long[s];
        sActive = new int[s];
        sInactive = new int[s];
        sBusy = new int[s];
        sWeight = new int[s];
        load = new LoadSeries(s);
        if (spec.mode() == Mode.SERVICE) {
            models = new ServerModel[s];
            for (int i = 0; i < s; i++) {
                models[i] = ServerModel.create(spec.servers().discipline(), loop,
                        spec.servers().capacityOf(servers.name(i)), this::completed);
            }
        }
        lastAdminTime = computeLastAdminTime();
        trackDisruption = spec.timeline().stream().anyMatch(e -> !(e instanceof AdminEvent.SetThresholds));
        expectedEnd = spec.durationNs() > 0 ? spec.durationNs() : spec.workload().durationNs();
        if (spec.sampleIntervalNs() > 0) {
            samplePeriod = spec.sampleIntervalNs();
        } else if (expectedEnd > 0) {
            samplePeriod = niceInterval(expectedEnd / 600);
        } else {
            samplePeriod = 1_000_000_000L;
            autoSampling = true;
        }
    }

    /** The smallest of 1, 2, 5 × 10^k ms at or above {@code ns} (at least 100 ms). */
    static long niceInterval(long ns) {
        long step = 100_000_000L;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (step * m >= ns) {
                    return step * m;
                }
            }
            step *= 10;
        }
    }

    // ---- events ----------------------------------------------------------------------------------

    @Override
    public void onEvent(int kind, long payload) {
        switch (kind) {
            case K_ARRIVAL -> arrival();
            case K_END -> {
                int slot = (int) payload;
                timer[slot] = EventLoop.NO_EVENT;
                pendingCloses--;
                close(slot);
            }
            case K_KEEPALIVE -> keepalive((int) payload);
            case K_SAMPLE -> {
                sample();
                if (autoSampling && load.samples() >= MAX_SAMPLES) {
                    load.keepEveryOther();
                    samplePeriod *= 2;
                }
                progress.update(loop.now(), expectedEnd, offered);
                long next = (loop.now() / samplePeriod + 1) * samplePeriod;
                loop.schedule(next, this, K_SAMPLE, 0);
            }
            case K_ADMIN -> admin(spec.timeline().get((int) payload));
            case K_HEALTH -> healthCheckRemoves(spec.timeline().get((int) payload));
            case K_ABORT -> {
                pendingCloses--;
                abort((int) payload);
            }
            default -> throw new IllegalStateException("unknown event kind " + kind);
        }
    }

    private void readNext() {
        try {
            sourceDone = !source.next(rec);
        } catch (IOException e) {
            throw new SimulationException(spec.workload().describe() + ": " + e.getMessage(), e);
        }
        if (!sourceDone && spec.durationNs() > 0 && rec.timeNs() >= spec.durationNs()) {
            sourceDone = true;
        }
    }

    private void arrival() {
        // the record read ahead arrives now
        offered++;
        openConnection();
        readNext();
        if (!sourceDone) {
            long at = Math.max(rec.timeNs(), loop.now());
            loop.schedule(at, this, K_ARRIVAL, 0);
        }
    }

    private static long clientKeyOf(IpAddress a) {
        return a.isV6() ? a.hi() * 0x9E3779B97F4A7C15L ^ a.lo() : a.lo();
    }

    private int directorFor(long key) {
        if (directors.length == 1) {
            return 0;
        }
        long h = key * 0xD6E8FEB86659FD93L;
        return (int) Long.remainderUnsigned(h ^ (h >>> 32), directors.length);
    }

    private void openConnection() {
        IpAddress client = rec.client();
        if (client == null) {
            throw new SimulationException(spec.workload().describe() + ": connection at "
                    + Fmt.seconds(rec.timeNs()) + " s has no client address");
        }
        long key = clientKeyOf(client);
        Director d = directors[directorFor(key)];
        boolean isUdp = rec.protocol() == Protocol.UDP;
        pkt.set(rec.protocol(), client, rec.clientPort(), rec.vip(), rec.vport(), isUdp ? 0 : Packet.SYN);
        pkt.mark = rec.fwmark();
        long callsBefore = d.schedulerCalls;
        Verdict v = d.table.inbound(pkt);
        switch (v) {
            case FORWARDED -> {
            }
            case ACCEPTED -> {
                unmatched++;
                return;
            }
            case REJECTED, DROPPED -> {
                refused++;
                return;
            }
        }
        int id = d.table.lastConnection();
        ConnectionTable ct = d.table.connections();
        RealServer rs = ct.dest(id);
        int srv = d.indexOf(rs);
        if (d.schedulerCalls == callsBefore) {
            persistenceHits++;
        }
        scheduled++;
        connectionsPerServer[srv]++;
        if (trackDisruption) {
            disruption.opened(key, srv);
        }
        if (down[srv]) {
            // SYN to a dead server: no answer; the entry stays in the table until its timeout
            failed++;
            if (trackDisruption) {
                disruption.closed(key);
            }
            return;
        }
        int slot = allocate();
        state[slot] = S_OPEN;
        dir[slot] = d.index;
        server[slot] = srv;
        start[slot] = loop.now();
        caddr[slot] = client;
        cport[slot] = rec.clientPort();
        vaddr[slot] = rec.vip();
        vport[slot] = rec.vport();
        fwmark[slot] = rec.fwmark();
        udp[slot] = isUdp;
        // the entry takes its forwarding method from the real server as it is now
        nat[slot] = rs.forwarding() == ForwardingMethod.MASQ;
        clientKey[slot] = key;
        raddr[slot] = rs.address();
        rport[slot] = rs.port();
        timer[slot] = EventLoop.NO_EVENT;
        openPerServer[srv]++;
        if (!isUdp) {
            if (nat[slot]) {
                reply(slot, Packet.SYN | Packet.ACK);
            }
            client(slot, Packet.ACK);
        }
        long duration = rec.durationNs();
        if (spec.mode() == Mode.SERVICE) {
            double demand = duration >= 0 ? duration * 1e-9 : 0;
            pendingCloses++;
            models[srv].submit(slot, demand);
        } else if (duration >= 0) {
            pendingCloses++;
            if (duration > KEEPALIVE_NS) {
                timer[slot] = loop.scheduleAfter(KEEPALIVE_NS, this, K_KEEPALIVE, slot);
                endAt[slot] = loop.now() + duration;
            } else {
                timer[slot] = loop.scheduleAfter(duration, this, K_END, slot);
            }
        }
    }

    private long[] endAt = new long[1024];

    private void keepalive(int slot) {
        client(slot, udp[slot] ? 0 : Packet.ACK);
        long remaining = endAt[slot] - loop.now();
        if (remaining > KEEPALIVE_NS) {
            timer[slot] = loop.scheduleAfter(KEEPALIVE_NS, this, K_KEEPALIVE, slot);
        } else {
            timer[slot] = loop.scheduleAfter(remaining, this, K_END, slot);
        }
    }

    /** A request finished on its real server (service mode). */
    private void completed(int slot) {
        pendingCloses--;
        latency.record(loop.now() - start[slot]);
        close(slot);
    }

    private void close(int slot) {
        if (udp[slot]) {
            if (nat[slot]) {
                reply(slot, 0);
            }
        } else {
            client(slot, Packet.FIN | Packet.ACK);
            if (nat[slot]) {
                reply(slot, Packet.FIN | Packet.ACK);
            }
            client(slot, Packet.ACK);
        }
        release(slot);
    }

    private void abort(int slot) {
        if (!udp[slot]) {
            client(slot, Packet.RST);
        }
        release(slot);
    }

    private void release(int slot) {
        openPerServer[server[slot]]--;
        if (trackDisruption) {
            disruption.closed(clientKey[slot]);
        }
        free(slot);
    }

    private void client(int slot, int flags) {
        pkt.set(udp[slot] ? Protocol.UDP : Protocol.TCP, caddr[slot], cport[slot], vaddr[slot], vport[slot], flags);
        pkt.mark = fwmark[slot];
        directors[dir[slot]].table.inbound(pkt);
    }

    private void reply(int slot, int flags) {
        pkt.set(udp[slot] ? Protocol.UDP : Protocol.TCP, raddr[slot], rport[slot], caddr[slot], cport[slot], flags);
        pkt.mark = 0;
        directors[dir[slot]].table.outbound(pkt);
    }

    // ---- admin timeline ----------------------------------------------------------------------

    private void admin(AdminEvent e) {
        String label = label(e);
        if (!(e instanceof AdminEvent.SetThresholds)) {
            disruption.event(loop.now(), label);
        }
        for (Director d : directors) {
            IpvsTable t = d.table;
            VirtualService svc = t.findService(e.service());
            if (svc == null) {
                throw new SimulationException("admin event \"" + AdminTimeline.format(e) + "\": no such virtual service");
            }
            int err = switch (e) {
                case AdminEvent.AddServer a -> t.addDest(e.service(), a.dest());
                case AdminEvent.RemoveServer r -> t.deleteDest(e.service(), r.real(), r.port());
                case AdminEvent.SetWeight w -> t.editDest(e.service(), config(dest(svc, e, w.real(), w.port())).withWeight(w.weight()));
                case AdminEvent.Drain x -> t.editDest(e.service(), config(dest(svc, e, x.real(), x.port())).withWeight(0));
                case AdminEvent.SetThresholds h -> t.editDest(e.service(), config(dest(svc, e, h.real(), h.port())).withThresholds(h.upper(), h.lower()));
                case AdminEvent.SetScheduler s -> t.editService(new ServiceConfig(svc.key(), s.scheduler(),
                        svc.flags() & ~ServiceFlags.HASHED, (int) (svc.timeoutJiffies() / spec.hz()), svc.netmask(), svc.peName()));
                case AdminEvent.Fail f -> {
                    dest(svc, e, f.real(), f.port());
                    yield Errno.OK;
                }
            };
            if (err != Errno.OK) {
                throw new SimulationException("admin event \"" + AdminTimeline.format(e) + "\" failed on director "
                        + d.index + ": " + Rules.errnoName(err));
            }
        }
        if (e instanceof AdminEvent.Fail f) {
            int srv = servers.find(f.real(), f.port());
            fail(srv);
            loop.scheduleAfter(spec.healthCheckNs(), this, K_HEALTH, spec.timeline().indexOf(e));
        }
    }

    private static RealServer dest(VirtualService svc, AdminEvent e, IpAddress a, int port) {
        RealServer rs = svc.findDest(a, port);
        if (rs == null) {
            throw new SimulationException("admin event \"" + AdminTimeline.format(e) + "\": " + svc
                    + " has no real server " + (a.isV6() ? "[" + a + "]" : a) + ":" + port);
        }
        return rs;
    }

    private static DestConfig config(RealServer rs) {
        return new DestConfig(rs.address(), rs.port(), rs.forwarding(), rs.weight(), rs.upperThreshold(),
                rs.lowerThreshold(), rs.tunnelType(), rs.tunnelPort(), rs.tunnelFlags());
    }

    private void fail(int srv) {
        down[srv] = true;
        if (models != null) {
            models[srv].dropAll(slot -> {
            });
        }
        for (int slot = 0; slot < slotsUsed; slot++) {
            if (state[slot] == S_OPEN && server[slot] == srv) {
                if (timer[slot] != EventLoop.NO_EVENT) {
                    loop.cancel(timer[slot]);
                } else if (models == null) {
                    pendingCloses++; // an open-ended connection now has a close
                }
                failed++;
                state[slot] = S_ABORTING;
                timer[slot] = loop.scheduleAfter(CLIENT_TIMEOUT_NS, this, K_ABORT, slot);
            }
        }
    }

    private void healthCheckRemoves(AdminEvent e) {
        AdminEvent.Fail f = (AdminEvent.Fail) e;
        for (Director d : directors) {
            VirtualService svc = d.table.findService(f.service());
            if (svc != null && svc.findDest(f.real(), f.port()) != null) {
                d.table.deleteDest(f.service(), f.real(), f.port());
            }
        }
    }

    private static String label(AdminEvent e) {
        String t = AdminTimeline.format(e);
        // drop the leading time: the report shows it in its own column
        int sp = t.indexOf(' ');
        return sp < 0 ? t : t.substring(sp + 1);
    }

    // ---- sampling --------------------------------------------------------------------------------

    private void sample() {
        Arrays.fill(sActive, 0);
        Arrays.fill(sInactive, 0);
        Arrays.fill(sWeight, 0);
        for (Director d : directors) {
            for (VirtualService svc : d.table.services()) {
                for (int i = 0, n = svc.destCount(); i < n; i++) {
                    RealServer rs = svc.dest(i);
                    int k = d.indexOf(rs);
                    sActive[k] += rs.activeConns();
                    sInactive[k] += rs.inactiveConns();
                    if (d.index == 0 && !down[k]) {
                        sWeight[k] += rs.weight();
                    }
                }
            }
        }
        for (int k = 0; k < sBusy.length; k++) {
            sBusy[k] = models != null ? models[k].inSystem() : openPerServer[k];
        }
        load.sample(loop.now(), sActive, sInactive, sBusy, sWeight);
    }

    // ---- slots -----------------------------------------------------------------------------------

    private int allocate() {
        int slot;
        if (freeHead >= 0) {
            slot = freeHead;
            freeHead = nextFree[slot];
        } else {
            if (slotsUsed == state.length) {
                grow();
            }
            slot = slotsUsed++;
        }
        live++;
        return slot;
    }

    private void free(int slot) {
        state[slot] = S_FREE;
        caddr[slot] = null;
        vaddr[slot] = null;
        raddr[slot] = null;
        timer[slot] = EventLoop.NO_EVENT;
        nextFree[slot] = freeHead;
        freeHead = slot;
        live--;
    }

    private void grow() {
        int n = state.length * 2;
        state = Arrays.copyOf(state, n);
        dir = Arrays.copyOf(dir, n);
        server = Arrays.copyOf(server, n);
        start = Arrays.copyOf(start, n);
        caddr = Arrays.copyOf(caddr, n);
        cport = Arrays.copyOf(cport, n);
        vaddr = Arrays.copyOf(vaddr, n);
        vport = Arrays.copyOf(vport, n);
        fwmark = Arrays.copyOf(fwmark, n);
        udp = Arrays.copyOf(udp, n);
        nat = Arrays.copyOf(nat, n);
        clientKey = Arrays.copyOf(clientKey, n);
        timer = Arrays.copyOf(timer, n);
        raddr = Arrays.copyOf(raddr, n);
        rport = Arrays.copyOf(rport, n);
        endAt = Arrays.copyOf(endAt, n);
        nextFree = Arrays.copyOf(nextFree, n);
    }

    // ---- result ----------------------------------------------------------------------------------

    private RunResult result() {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("rules", spec.rulesName());
        inputs.put("workload", spec.workload().describe());
        inputs.put("mode", spec.mode().name().toLowerCase(java.util.Locale.ROOT));
        inputs.put("kernel", spec.kernel().version().toString());
        inputs.put("hz", Integer.toString(spec.hz()));
        inputs.put("seed", Long.toString(spec.seed()));
        inputs.put("directors", Integer.toString(spec.directors()));
        if (spec.mode() == Mode.SERVICE) {
            inputs.put("servers", describeCapacities());
        }
        inputs.put("admin_events", Integer.toString(spec.timeline().size()));
        inputs.putAll(spec.notes());
        List<AdminMark> marks = new ArrayList<>(disruption.finish());
        Totals totals = new Totals(offered, scheduled, refused, failed, persistenceHits, unmatched, loop.now());
        return new RunResult(spec.label(), inputs, spec.mode() == Mode.SERVICE, servers.names(), connectionsPerServer,
                load, marks, spec.mode() == Mode.SERVICE ? latency : null, totals);
    }

    private String describeCapacities() {
        StringBuilder b = new StringBuilder(spec.servers().discipline().name().toLowerCase(java.util.Locale.ROOT));
        b.append(" default ").append(spec.servers().defaultCapacity());
        for (var e : spec.servers().overrides().entrySet()) {
            b.append(", ").append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }
}
