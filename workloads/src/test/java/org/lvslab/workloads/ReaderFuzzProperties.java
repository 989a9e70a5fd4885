package org.lvslab.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.lvslab.workloads.pcap.PcapWriter;

/**
 * Random and mutated input never crashes a reader: it ends normally or throws
 * {@link TraceFormatException} (never a RuntimeException), under both error policies.
 */
class ReaderFuzzProperties {
    static final String NGINX = "$remote_addr:$remote_port $connection $connection_requests [$time_local] $msec \"$request\" "
            + "$status $request_length $bytes_sent $request_time $server_addr:$server_port \"$upstream_addr\"";
    static final String APACHE = "%a %{remote}p %k %t \"%r\" %>s %I %O %D %A %p";

    static byte[] sample(String name) {
        try {
            return Files.readAllBytes(Records.sample(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] pcapSample(PcapWriter.Container c) {
        try {
            java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
            try (PcapWriter w = new PcapWriter(bos, c, 1, true)) {
                ConnectionRecord r = new ConnectionRecord().timeNs(0).client(org.lvslab.ipvs.IpAddress.parse("172.16.0.1"), 40000)
                        .vip(org.lvslab.ipvs.IpAddress.parse("10.0.0.1"), 80).durationNs(1_000_000).bytesIn(100).bytesOut(3000);
                w.connection(r, 1_000_000_000L);
                w.connection(r.copy().protocol(org.lvslab.ipvs.Protocol.UDP).clientPort(40001), 1_000_000_000L);
            }
            return bos.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final List<Object[]> FORMATS = List.of(
            new Object[] {TraceFormat.CSV, sample("sample.csv")},
            new Object[] {TraceFormat.NGINX, sample("nginx.log")},
            new Object[] {TraceFormat.APACHE, sample("apache.log")},
            new Object[] {TraceFormat.CONNTRACK, sample("conntrack.txt")},
            new Object[] {TraceFormat.IPVSADM_LCN, sample("ipvsadm-lcn.txt")},
            new Object[] {TraceFormat.WC98, sample("wc98.bin")},
            new Object[] {TraceFormat.PCAP, pcapSample(PcapWriter.Container.PCAP_US)},
            new Object[] {TraceFormat.PCAP, pcapSample(PcapWriter.Container.PCAPNG)},
            // traces written by the real tools (src/test/resources/real)
            new Object[] {TraceFormat.PCAP, real("pcap/lo+any.pcapng", 1 << 16), null},
            new Object[] {TraceFormat.PCAP, real("pcap/vlan-qinq.pcap", 1 << 16), null},
            new Object[] {TraceFormat.PCAP, real("pcap/lo-snap64.pcap", 1 << 16), null},
            new Object[] {TraceFormat.CONNTRACK, real("conntrack/ct-timestamp-extended.txt", 8192), null},
            new Object[] {TraceFormat.NGINX, real("nginx/full.log.1", 8192), RealTraceSamplesTest.NGINX_FULL},
            new Object[] {TraceFormat.NGINX, real("nginx/combined.log", 8192), "combined"},
            new Object[] {TraceFormat.APACHE, real("apache/timing.log", 8192), RealTraceSamplesTest.APACHE_TIMING},
            new Object[] {TraceFormat.IPVSADM_LCN, real("ipvsadm/ip_vs_conn-6.12.txt", 8192), null});

    /** The first {@code max} bytes of a real sample. */
    static byte[] real(String name, int max) {
        try {
            byte[] b = Files.readAllBytes(RealTraceSamplesTest.real(name));
            return Arrays.copyOf(b, Math.min(max, b.length));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String logFormat(int which) {
        Object[] f = FORMATS.get(which);
        if (f.length > 2) {
            return (String) f[2];
        }
        return f[0] == TraceFormat.NGINX ? NGINX : f[0] == TraceFormat.APACHE ? APACHE : null;
    }

    static void readExpectingOnlyTraceErrors(TraceFormat f, byte[] data, OnError e) {
        readExpectingOnlyTraceErrors(f, data, e, f == TraceFormat.NGINX ? NGINX : f == TraceFormat.APACHE ? APACHE : null);
    }

    static void readExpectingOnlyTraceErrors(TraceFormat f, byte[] data, OnError e, String logFormat) {
        TraceOptions o = TraceOptions.defaults().withOnError(e).withLogFormat(logFormat);
        try (ConnectionSource s = f.openStream(new ByteArrayInputStream(data), "fuzz", o)) {
            ConnectionRecord r = new ConnectionRecord();
            long last = Long.MIN_VALUE;
            while (s.next(r)) {
                assertThat(r.timeNs()).as("records come in time order").isGreaterThanOrEqualTo(last);
                last = r.timeNs();
            }
        } catch (TraceFormatException ok) {
            assertThat(ok.getMessage()).startsWith("fuzz");
        } catch (IOException other) {
            throw new AssertionError("unexpected IOException " + other, other);
        }
    }

    @Provide
    Arbitrary<Integer> formatIndex() {
        return Arbitraries.integers().between(0, FORMATS.size() - 1);
    }

    @Property(tries = 400)
    void mutatedSamplesGiveOnlyTraceFormatErrors(@ForAll("formatIndex") int which,
            @ForAll @IntRange(min = 1, max = 8) int edits, @ForAll long seed, @ForAll boolean skip) {
        TraceFormat f = (TraceFormat) FORMATS.get(which)[0];
        byte[] data = ((byte[]) FORMATS.get(which)[1]).clone();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        for (int i = 0; i < edits && data.length > 0; i++) {
            int kind = rnd.nextInt(4);
            int at = rnd.nextInt(data.length);
            switch (kind) {
                case 0 -> data[at] = (byte) rnd.nextInt(256);
                case 1 -> data = Arrays.copyOf(data, at); // truncate
                case 2 -> data[at] = (byte) "0123456789:.,[]- \n\"x".charAt(rnd.nextInt(20));
                default -> {
                    byte[] d = new byte[data.length + 1];
                    System.arraycopy(data, 0, d, 0, at);
                    d[at] = (byte) rnd.nextInt(256);
                    System.arraycopy(data, at, d, at + 1, data.length - at);
                    data = d;
                }
            }
        }
        readExpectingOnlyTraceErrors(f, data, skip ? OnError.SKIP : OnError.STOP, logFormat(which));
    }

    @Property(tries = 200)
    void randomBytesGiveOnlyTraceFormatErrors(@ForAll("formatIndex") int which, @ForAll byte[] data, @ForAll boolean skip) {
        readExpectingOnlyTraceErrors((TraceFormat) FORMATS.get(which)[0], data, skip ? OnError.SKIP : OnError.STOP, logFormat(which));
    }

    @Property(tries = 200)
    void detectionNeverThrowsAnythingElse(@ForAll byte[] head) {
        try {
            TraceFormat.detect(Arrays.copyOf(head, Math.min(head.length, TraceInput.PEEK)), "fuzz");
        } catch (TraceFormatException ok) {
            assertThat(ok.source()).isEqualTo("fuzz");
        }
    }
}
