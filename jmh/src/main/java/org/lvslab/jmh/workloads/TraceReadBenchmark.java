package org.lvslab.jmh.workloads;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.ConnectionSource;
import org.lvslab.workloads.Endpoint;
import org.lvslab.workloads.TraceFormat;
import org.lvslab.workloads.TraceOptions;
import org.lvslab.workloads.csv.CsvTraceWriter;
import org.lvslab.workloads.pcap.PcapWriter;
import org.lvslab.workloads.synth.WorkloadSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Records per second for each reader, reading a file of {@value #N} connections from the page
 * cache. Inputs are written in setup from one generated workload (100 ms connections so every
 * format can represent them), so formats are compared on the same traffic. The generator's own
 * speed is measured as format "generate".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class TraceReadBenchmark {
    static final int N = 100_000;
    static final String NGINX = "$remote_addr:$remote_port $connection [$time_local] $msec \"$request\" $status $bytes_sent $request_time";

    @Param({"csv", "nginx", "conntrack", "pcap", "wc98", "generate"})
    public String format;

    private Path dir;
    private Path file;
    private TraceOptions opt;
    private WorkloadSpec spec;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        spec = WorkloadSpec.parse("seed=1 count=" + N + " arrivals=poisson(rate=1000) durations=const(100ms) "
                + "clients=zipf(172.16.0.0/16,n=5000,s=1.1) service=tcp(10.0.0.1:80) bytes-in=const(300) bytes-out=const(4000)");
        List<ConnectionRecord> rs = new ArrayList<>();
        try (ConnectionSource s = spec.open()) {
            ConnectionRecord r = new ConnectionRecord();
            while (s.next(r)) {
                rs.add(r.copy());
            }
        }
        dir = Files.createTempDirectory("lvslab-jmh");
        file = dir.resolve("trace." + format);
        opt = TraceOptions.defaults();
        long origin = 1_700_000_000_000_000_000L;
        switch (format) {
            case "csv", "generate" -> {
                try (OutputStream o = Files.newOutputStream(file); ConnectionSource s = spec.open()) {
                    CsvTraceWriter.copy(s, o);
                }
            }
            case "nginx" -> {
                opt = opt.withLogFormat(NGINX);
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
                    long id = 1;
                    for (ConnectionRecord r : rs) {
                        long end = origin + r.endNs();
                        w.write(r.client() + ":" + r.clientPort() + " " + id++ + " [14/Nov/2023:22:13:20 +0000] "
                                + (end / 1_000_000_000L) + "." + String.format("%03d", (end / 1_000_000) % 1000)
                                + " \"GET / HTTP/1.1\" 200 4000 0.100\n");
                    }
                }
            }
            case "conntrack" -> {
                Map<Long, StringBuilder> events = new TreeMap<>();
                for (ConnectionRecord r : rs) {
                    String tuple = "src=" + r.client() + " dst=" + r.vip() + " sport=" + r.clientPort() + " dport=" + r.vport();
                    String reply = "src=10.1.0.11 dst=" + r.client() + " sport=80 dport=" + r.clientPort();
                    add(events, origin + r.timeNs(), " [NEW] tcp 6 120 SYN_SENT " + tuple + " [UNREPLIED] " + reply);
                    add(events, origin + r.endNs(), "[DESTROY] tcp 6 " + tuple + " packets=5 bytes=300 " + reply + " packets=5 bytes=4000 [ASSURED]");
                }
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
                    for (StringBuilder sb : events.values()) {
                        w.write(sb.toString());
                    }
                }
            }
            case "pcap" -> {
                try (PcapWriter w = new PcapWriter(Files.newOutputStream(file), PcapWriter.Container.PCAPNG, 1, true)) {
                    for (ConnectionRecord r : rs) {
                        w.connection(r, origin);
                    }
                }
            }
            case "wc98" -> {
                byte[] b = new byte[20 * rs.size()];
                java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b);
                for (ConnectionRecord r : rs) {
                    bb.putInt((int) (898_000_000L + r.timeNs() / 1_000_000_000L)).putInt(r.client().v4() & 0xffff)
                            .putInt(1).putInt(4000).put((byte) 0).put((byte) 0x42).put((byte) 1).put((byte) 3);
                }
                Files.write(file, b);
            }
            default -> throw new IllegalArgumentException(format);
        }
        opt = format.equals("wc98") ? opt.withDefaultService(Endpoint.parse("10.0.0.1:80")) : opt;
        long n = read();
        if (n != N) {
            throw new IllegalStateException(format + ": read " + n + " records, expected " + N);
        }
    }

    private static void add(Map<Long, StringBuilder> events, long t, String text) {
        String ts = "[" + (t / 1_000_000_000L) + "." + String.format("%06d", (t / 1000) % 1_000_000) + "]\t";
        events.computeIfAbsent(t, k -> new StringBuilder()).append(ts).append(text).append('\n');
    }

    private long read() throws IOException {
        long n = 0;
        try (ConnectionSource s = format.equals("generate") ? spec.open()
                : TraceFormat.parse(format).open(file, opt)) {
            ConnectionRecord r = new ConnectionRecord();
            while (s.next(r)) {
                n++;
            }
        }
        return n;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long readAll() throws IOException {
        return read();
    }

    @TearDown(Level.Trial)
    public void cleanup() throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
