package org.lvslab.workloads.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.OnError;
import org.lvslab.workloads.Records;
import org.lvslab.workloads.TraceFormat;
import org.lvslab.workloads.TraceOptions;

class PcapReaderTest {
    static PcapReader reader(byte[] b, TraceOptions o) throws IOException {
        return new PcapReader(Records.stream(b), "cap.pcap", o);
    }

    @ParameterizedTest(name = "{0} link {1} little-endian {2}")
    @CsvSource({"PCAP_US,1,true", "PCAP_US,1,false", "PCAP_NS,113,true", "PCAPNG,1,true", "PCAPNG,276,false", "PCAPNG,113,true"})
    void everyConnectionOfTheCaptureIsRecoveredExactly(PcapWriter.Container c, int link, boolean little) throws IOException {
        List<ConnectionRecord> want = SampleCaptures.connections(300, 11);
        byte[] cap = SampleCaptures.capture(want, c, link, little);
        assertThat(TraceFormat.detect(Arrays.copyOf(cap, 64), "x")).isEqualTo(TraceFormat.PCAP);
        PcapReader r = reader(cap, TraceOptions.defaults());
        List<ConnectionRecord> got = Records.readAll(r);
        assertThat(r.originEpochNs()).isEqualTo(SampleCaptures.ORIGIN);
        assertThat(got).hasSameSizeAs(want);
        // equal start times keep capture order; compare as sets of fields per connection
        for (int i = 0; i < want.size(); i++) {
            ConnectionRecord w = want.get(i);
            ConnectionRecord g = got.get(i);
            assertThat(g.timeNs()).isEqualTo(w.timeNs());
            assertThat(g.protocol()).isEqualTo(w.protocol());
            assertThat(g.client()).isEqualTo(w.client());
            assertThat(g.clientPort()).isEqualTo(w.clientPort());
            assertThat(g.vip()).isEqualTo(w.vip());
            assertThat(g.vport()).isEqualTo(w.vport());
            assertThat(g.durationNs()).isEqualTo(w.durationNs());
            assertThat(g.bytesIn()).isEqualTo(w.bytesIn());
            assertThat(g.bytesOut()).isEqualTo(w.bytesOut());
        }
        assertThat(got).anyMatch(x -> x.vip().isV6());
    }

    @Test
    void midFlowPacketsAreCountedAndAnRstEndsAConnection() throws IOException {
        IpAddress c = IpAddress.parse("172.16.0.5");
        IpAddress v = IpAddress.parse("10.0.0.1");
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(bos, PcapWriter.Container.PCAP_NS, 1, true)) {
            w.rawIp(1_000, PcapWriter.ip(c, v, PcapWriter.tcp(40000, 80, 0x10, 100))); // no SYN seen
            w.rawIp(2_000, PcapWriter.ip(c, v, PcapWriter.tcp(40002, 80, 0x02, 0)));
            w.rawIp(2_500, PcapWriter.ip(c, v, PcapWriter.tcp(40002, 80, 0x02, 0))); // retransmitted SYN
            w.rawIp(9_000, PcapWriter.ip(v, c, PcapWriter.tcp(80, 40002, 0x04, 0)));
        }
        PcapReader r = reader(bos.toByteArray(), TraceOptions.defaults());
        List<ConnectionRecord> got = Records.readAll(r);
        assertThat(got).singleElement().satisfies(x -> {
            assertThat(x.clientPort()).isEqualTo(40002);
            assertThat(x.durationNs()).isEqualTo(7_000);
        });
        assertThat(r.report().notes()).containsEntry("TCP packets of connections whose SYN was not captured (ignored)", 1L);
    }

    @Test
    void udpFlowsEndAfterTheIdleTimeout() throws IOException {
        IpAddress c = IpAddress.parse("172.16.0.5");
        IpAddress v = IpAddress.parse("10.0.0.2");
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        long s = 1_000_000_000L;
        try (PcapWriter w = new PcapWriter(bos, PcapWriter.Container.PCAP_NS, 1, true)) {
            w.rawIp(0, PcapWriter.ip(c, v, PcapWriter.udp(5000, 53, 40)));
            w.rawIp(1 * s, PcapWriter.ip(v, c, PcapWriter.udp(53, 5000, 100)));
            w.rawIp(40 * s, PcapWriter.ip(c, v, PcapWriter.udp(5000, 53, 40))); // after 30 s idle: a new flow
        }
        List<ConnectionRecord> got = Records.readAll(reader(bos.toByteArray(), TraceOptions.defaults()));
        assertThat(got).extracting(ConnectionRecord::timeNs).containsExactly(0L, 40 * s);
        assertThat(got.get(0).durationNs()).isEqualTo(s);
        assertThat(got.get(0).bytesIn()).isEqualTo(40);
        assertThat(got.get(0).bytesOut()).isEqualTo(100);
    }

    @Test
    void wrongMagicTruncationAndUnknownLinkTypesNameTheByteOffset() throws IOException {
        byte[] cap = SampleCaptures.capture(SampleCaptures.connections(5, 3), PcapWriter.Container.PCAP_US, 1, true);
        byte[] bad = cap.clone();
        bad[0] = 0x11;
        assertThatThrownBy(() -> reader(bad, TraceOptions.defaults())).hasMessage("cap.pcap: byte 0: bad magic 0x11c3b2a1: not a pcap or pcapng capture");
        assertThatThrownBy(() -> Records.readAll(reader(Arrays.copyOf(cap, cap.length - 3), TraceOptions.defaults())))
                .hasMessageMatching("cap\\.pcap: byte \\d+: truncated packet data: \\d+ of \\d+ bytes");
        assertThatThrownBy(() -> reader(Arrays.copyOf(cap, 10), TraceOptions.defaults()))
                .hasMessage("cap.pcap: byte 4: truncated pcap file header: 6 of 20 bytes");
        byte[] link = cap.clone();
        link[20] = 77;
        assertThatThrownBy(() -> reader(link, TraceOptions.defaults()))
                .hasMessage("cap.pcap: byte 20: unsupported link type 77 (Ethernet 1, Linux SLL 113, SLL2 276, raw IP 101/228/229)");
    }

    @Test
    void badPcapngBlockLengthsAreErrors() throws IOException {
        byte[] cap = SampleCaptures.capture(SampleCaptures.connections(5, 3), PcapWriter.Container.PCAPNG, 1, true);
        byte[] bad = cap.clone();
        bad[28 + 32 + 4] = 13; // first EPB's length: not a multiple of 4
        assertThatThrownBy(() -> Records.readAll(reader(bad, TraceOptions.defaults())))
                .hasMessageStartingWith("cap.pcap: byte 64: bad block length");
    }

    @Test
    void timeGoingBackwardsIsSkippedAndCounted() throws IOException {
        IpAddress c = IpAddress.parse("172.16.0.5");
        IpAddress v = IpAddress.parse("10.0.0.2");
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(bos, PcapWriter.Container.PCAP_NS, 1, true)) {
            w.rawIp(5_000, PcapWriter.ip(c, v, PcapWriter.udp(5000, 53, 40)));
            w.rawIp(6_000, PcapWriter.ip(c, v, PcapWriter.udp(5001, 53, 40)));
        }
        byte[] b = bos.toByteArray();
        int second = 24 + 16 + (14 + 20 + 8 + 40);
        b[second + 4] = 0; // second packet's ns fraction 6000 → 0 (backwards)
        b[second + 5] = 0;
        PcapReader r = reader(b, TraceOptions.defaults().withOnError(OnError.SKIP));
        assertThat(Records.readAll(r)).hasSize(1);
        assertThat(r.report().skipped()).isEqualTo(1);
        assertThat(r.report().firstSkips().get(0)).contains("packet time goes backwards");
    }
}
