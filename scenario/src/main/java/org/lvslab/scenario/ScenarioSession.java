package org.lvslab.scenario;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.lvslab.engine.EventLoop;
import org.lvslab.engine.RandomStreams;
import org.lvslab.ipvs.ConnectionTable;
import org.lvslab.ipvs.ForwardingMethod;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.Verdict;
import org.lvslab.ipvs.sched.Explain;
import org.lvslab.ipvs.sched.SchedulerRegistry;

/**
 * A simulated kernel lab: one {@link IpvsTable} (the director's namespace), the clients'
 * sockets and the real servers, executing scenario lines one at a time. Reusable line by line
 * (the interactive shell feeds it one line at a time), and deterministic: lines take no simulated
 * time, only {@code sleep} advances the clock, and random schedulers draw from a seeded stream.
 *
 * <p><b>Packets.</b> Each line becomes the packets that the kernel lab's Linux TCP/UDP stacks
 * send through IPVS (NAT director: both directions pass it):
 * <ul>
 * <li>TCP {@code connect}: client SYN (inbound; the decision is the real server of the entry it
 *     used or created), the server's SYN-ACK (outbound), the client's ACK (inbound).</li>
 * <li>{@code close}: the client shuts down first, so IPVS sees the client's FIN/ACK (inbound:
 *     ESTABLISHED → CLOSE_WAIT), the server's FIN/ACK once its process has read the end of
 *     stream (outbound: → TIME_WAIT) and the client's last ACK (inbound). The entry therefore
 *     ends in TIME_WAIT and counts as inactive, as {@code ipvsadm -Lcn} shows on the real kernel.</li>
 * <li>{@code reset}: one RST/ACK from the client (inbound: → CLOSE).</li>
 * <li>UDP {@code connect -u}: one datagram from the client; the lab's servers do not answer.</li>
 * </ul>
 * A reply is only produced when the packet it answers reached the server (verdict FORWARDED).
 * For a real server that is not NAT (direct routing, tunnel) the director sees only the client's
 * packets (IPVS then uses its input-only state table).
 *
 * <p>{@code connect} prints {@code none} when IPVS rejected or dropped the SYN/datagram or when no
 * entry was created (no service: the director's own stack refuses it, as in the lab).
 */
public final class ScenarioSession {
    /** CONFIG_HZ of the Debian kernels the lab boots. */
    public static final int HZ = 250;
    /** Master seed of the random streams (twos) unless one is given. */
    public static final long DEFAULT_SEED = 1;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    // IP packet lengths the lab's stacks send (IPv4; IPv6 adds 20): SYN and SYN-ACK carry
    // MSS, SACK-permitted, timestamps and window scale (40 option bytes), other segments the
    // timestamp option (12), the UDP payload is the 13-byte probe the lab sends.
    private static final int LEN_SYN = 60;
    private static final int LEN_SEGMENT = 52;
    private static final int LEN_DATAGRAM = 41;

    private final EventLoop loop;
    private final IpvsTable table;
    private final IpvsadmRunner ipvsadm;
    private final Packet packet = new Packet();
    /** Held TCP connections per client (canonical text), newest last. */
    private final Map<String, Deque<Held>> held = new LinkedHashMap<>();
    /** Clients whose last held connect got "none": a later close/reset of them is a no-op. */
    private final Set<String> refused = new HashSet<>();
    private final List<String> explained = new ArrayList<>();
    private boolean explain;

    private record Held(Endpoint client, Endpoint vip, boolean nat, IpAddress server, int serverPort) {
    }

    /**
     * A session on a fresh table for {@code profile}.
     *
     * @param ipvsadmFactory builds the ipvsadm front end for the new table
     */
    public ScenarioSession(KernelProfile profile, SchedulerRegistry registry, long seed,
            Function<IpvsTable, IpvsadmRunner> ipvsadmFactory) {
        this(newTable(profile, registry, seed), ipvsadmFactory);
    }

    /**
     * A session over an existing table (e.g. the interactive shell's), whose event loop it
     * drives: scenario lines and other uses of the table may be interleaved.
     */
    public ScenarioSession(IpvsTable table, Function<IpvsTable, IpvsadmRunner> ipvsadmFactory) {
        this.table = Objects.requireNonNull(table);
        this.loop = table.loop();
        this.ipvsadm = Objects.requireNonNull(ipvsadmFactory.apply(table));
    }

    private static IpvsTable newTable(KernelProfile profile, SchedulerRegistry registry, long seed) {
        return new IpvsTable(new EventLoop(), profile, registry, HZ, new RandomStreams(seed));
    }

    /** A session with the real schedulers and ipvsadm front end (as the lab's Debian ipvsadm 1.31). */
    public static ScenarioSession create(KernelProfile profile) {
        return new ScenarioSession(profile, SchedulerRegistry.load(), DEFAULT_SEED, LabIpvsadm::forTable);
    }

    public IpvsTable table() {
        return table;
    }

    public EventLoop loop() {
        return loop;
    }

    /** With explain on, each decision is preceded by the scheduler's reasoning as {@code #} lines. */
    public void setExplain(boolean on) {
        this.explain = on;
        table.setExplain(on ? new Explain() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public void line(String text) {
                explained.add(text);
            }
        } : Explain.OFF);
    }

    /** Parses and runs one line of text (blank and comment lines do nothing). */
    public LineResult executeText(int number, String text, PrintStream out) {
        ScenarioLine line = ScenarioParser.parseLine(number, text);
        return line == null ? LineResult.OK : execute(line, out);
    }

    /** Runs one line, printing exactly the format's output for it to {@code out}. */
    public LineResult execute(ScenarioLine line, PrintStream out) {
        LineResult r = executeOnly(line, out);
        settle();
        return r;
    }

    /**
     * Lets the timers run that the line armed to fire "now" (the kernel's {@code mod_timer(t,
     * jiffies)}, e.g. an entry expired early because its client port was reused): they fire at the
     * next tick, long before the lab's next line (each takes milliseconds). The clock moves only as
     * far as such events, at most one jiffy, so lines still take no time otherwise.
     */
    private void settle() {
        long horizon = loop.now() + NANOS_PER_SECOND / table.hz();
        while (loop.nextTime() <= horizon) {
            loop.runNext();
        }
    }

    private LineResult executeOnly(ScenarioLine line, PrintStream out) {
        return switch (line) {
            case ScenarioLine.Ipvsadm a -> ipvsadm(a, out);
            case ScenarioLine.Sysctl s -> sysctl(s);
            case ScenarioLine.Sleep s -> {
                loop.runFor(s.nanos());
                yield LineResult.OK;
            }
            case ScenarioLine.Connect c -> connect(c, out);
            case ScenarioLine.Finish f -> finish(f);
        };
    }

    private LineResult ipvsadm(ScenarioLine.Ipvsadm a, PrintStream out) {
        // The lab prints ipvsadm's stdout, then its stderr.
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream e = new java.io.ByteArrayOutputStream();
        try (PrintStream po = new PrintStream(o, true, java.nio.charset.StandardCharsets.UTF_8);
                PrintStream pe = new PrintStream(e, true, java.nio.charset.StandardCharsets.UTF_8)) {
            ipvsadm.run(a.args(), po, pe);
        }
        out.print(o.toString(java.nio.charset.StandardCharsets.UTF_8));
        out.print(e.toString(java.nio.charset.StandardCharsets.UTF_8));
        return LineResult.OK;
    }

    private LineResult sysctl(ScenarioLine.Sysctl s) {
        String name = s.name();
        if (!table.sysctls().isKnown(name)) {
            return LineResult.unfaithful("line " + s.number() + ": sysctl " + name + " is not modelled");
        }
        long v;
        try {
            v = Long.parseLong(s.value().strip());
        } catch (NumberFormatException e) {
            return LineResult.unfaithful("line " + s.number() + ": sysctl " + name + "=" + s.value() + ": not an integer");
        }
        table.sysctls().set(name, v);
        return LineResult.OK;
    }

    private LineResult connect(ScenarioLine.Connect c, PrintStream out) {
        explained.clear(); // only the reasoning behind this decision
        LineResult result = LineResult.OK;
        String decision;
        if (c.udp()) {
            decision = datagram(c);
        } else {
            String key = c.client().toString();
            Deque<Held> mine = held.get(key);
            if (mine != null && mine.stream().anyMatch(h -> h.vip().sameAs(c.vip()))) {
                // The lab cannot open a second connection on the same 4-tuple.
                result = LineResult.unfaithful("line " + c.number() + ": connect " + c.client().text()
                        + ": that client already holds a connection to " + c.vip().text());
                decision = "none";
            } else {
                decision = tcpConnect(c);
            }
            if (c.mode() == ConnectMode.HOLD) {
                if (decision.equals("none")) {
                    refused.add(key);
                } else {
                    refused.remove(key);
                }
            }
        }
        if (explain) {
            for (String l : explained) {
                out.print("# " + l + "\n");
            }
        }
        explained.clear();
        out.print(c.client().text() + " -> " + decision + "\n");
        return result;
    }

    private String datagram(ScenarioLine.Connect c) {
        Endpoint cl = c.client();
        Endpoint v = c.vip();
        packet.set(Protocol.UDP, cl.address(), cl.port(), v.address(), v.port(), 0);
        packet.length = LEN_DATAGRAM + (cl.address().isV6() ? 20 : 0);
        Verdict verdict = table.inbound(packet);
        Server s = serverOf(verdict);
        return s == null ? "none" : Endpoint.canonical(s.address, s.port);
    }

    private String tcpConnect(ScenarioLine.Connect c) {
        Endpoint cl = c.client();
        Endpoint v = c.vip();
        int extra = cl.address().isV6() ? 20 : 0;
        Verdict verdict = in(cl, v, Packet.SYN, LEN_SYN + extra);
        Server s = serverOf(verdict);
        if (s == null) {
            return "none";
        }
        if (s.nat) {
            out(s, cl, Packet.SYN | Packet.ACK, LEN_SYN + extra);
        }
        in(cl, v, Packet.ACK, LEN_SEGMENT + extra);
        Held h = new Held(cl, v, s.nat, s.address, s.port);
        switch (c.mode()) {
            case HOLD -> held.computeIfAbsent(cl.toString(), k -> new ArrayDeque<>()).addLast(h);
            case CLOSE -> close(h);
            case RESET -> reset(h);
        }
        return Endpoint.canonical(s.address, s.port);
    }

    private LineResult finish(ScenarioLine.Finish f) {
        String key = f.client().toString();
        Deque<Held> mine = held.get(key);
        Held h = mine == null ? null : mine.pollLast();
        if (mine != null && mine.isEmpty()) {
            held.remove(key);
        }
        if (h == null) {
            if (refused.remove(key)) {
                return LineResult.OK; // its connect was refused: nothing to close, as in the lab
            }
            return LineResult.unfaithful("line " + f.number() + ": " + (f.reset() ? "reset " : "close ")
                    + f.client().text() + ": no held connection from that client");
        }
        if (f.reset()) {
            reset(h);
        } else {
            close(h);
        }
        return LineResult.OK;
    }

    /** The client closes first; the server answers with its own FIN once it has read the end. */
    private void close(Held h) {
        int extra = h.client.address().isV6() ? 20 : 0;
        Verdict v = in(h.client, h.vip, Packet.FIN | Packet.ACK, LEN_SEGMENT + extra);
        if (v != Verdict.FORWARDED) {
            return; // the server never sees the FIN (dropped, or no entry any more)
        }
        if (h.nat) {
            out(new Server(h.server, h.serverPort, true), h.client, Packet.FIN | Packet.ACK, LEN_SEGMENT + extra);
        }
        // DR/TUN: the server's FIN goes straight to the client; the client's ACK passes IPVS.
        in(h.client, h.vip, Packet.ACK, LEN_SEGMENT + extra);
    }

    private void reset(Held h) {
        int extra = h.client.address().isV6() ? 20 : 0;
        in(h.client, h.vip, Packet.RST | Packet.ACK, LEN_SEGMENT + extra);
    }

    private Verdict in(Endpoint from, Endpoint to, int flags, int length) {
        packet.set(Protocol.TCP, from.address(), from.port(), to.address(), to.port(), flags);
        packet.length = length;
        return table.inbound(packet);
    }

    private void out(Server from, Endpoint to, int flags, int length) {
        packet.set(Protocol.TCP, from.address, from.port, to.address(), to.port(), flags);
        packet.length = length;
        table.outbound(packet);
    }

    private record Server(IpAddress address, int port, boolean nat) {
    }

    /** The real server of the entry the last inbound packet used, or null for "none". */
    private Server serverOf(Verdict verdict) {
        if (verdict != Verdict.FORWARDED) {
            return null;
        }
        int id = table.lastConnection();
        ConnectionTable ct = table.connections();
        if (id >= 0 && ct.isLive(id) && !ct.isTemplate(id) && ct.destAddress(id) != null) {
            return new Server(ct.destAddress(id), ct.destPort(id), ct.forwarding(id) == ForwardingMethod.MASQ);
        }
        // a one-packet entry is freed as soon as its packet has been forwarded
        RealServer d = table.lastDest();
        return d == null ? null : new Server(d.address(), d.port(), d.forwarding() == ForwardingMethod.MASQ);
    }
}
