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
                .hasMessage("cap.pcap: byte 20: unsupported link type 77 (Ethernet 1, Linux SLL 113, SLL2 276, raw IP 101/228/229/12, BSD loopback 0/108)");
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
    void timeGoingBackwardsWithinTheReorderWindowIsAcceptedAndBeyondItIsABadRecord() throws IOException {
        IpAddress c = IpAddress.parse("172.16.0.5");
        IpAddress v = IpAddress.parse("10.0.0.2");
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(bos, PcapWriter.Container.PCAP_NS, 1, true)) {
            w.rawIp(5_000, PcapWriter.ip(c, v, PcapWriter.udp(5000, 53, 40)));
            w.rawIp(6_000, PcapWriter.ip(c, v, PcapWriter.udp(5001, 53, 40)));
        }
        byte[] b = bos.toByteArray();
        int second = 24 + 16 + (14 + 20 + 8 + 40);
        b[second + 4] = 0; // second packet's ns fraction 6000 → 0 (backwards by 5 µs)
        b[second + 5] = 0;
        PcapReader ok = reader(b, TraceOptions.defaults());
        List<ConnectionRecord> got = Records.readAll(ok);
        assertThat(got).extracting(ConnectionRecord::clientPort).containsExactly(5001, 5000); // in start order
        assertThat(ok.report().notes()).containsEntry("packets earlier than one before them (accepted within --reorder-window)", 1L);

        PcapReader r = reader(b, TraceOptions.defaults().withOnError(OnError.SKIP).withReorderWindowNs(1_000));
        assertThat(Records.readAll(r)).hasSize(1);
        assertThat(r.report().skipped()).isEqualTo(1);
        assertThat(r.report().firstSkips().get(0)).contains("packet time goes backwards by 5000 ns, more than the reorder window");
    }

    static byte[] seg(int sp, int dp, int flags, long seq) {
        byte[] t = PcapWriter.tcp(sp, dp, flags, 0);
        t[4] = (byte) (seq >>> 24);
        t[5] = (byte) (seq >>> 16);
        t[6] = (byte) (seq >>> 8);
        t[7] = (byte) seq;
        return t;
    }

    @Test
    void aSynWithANewSequenceNumberOnAnOpenPortPairStartsANewConnectionButARetransmittedSynDoesNot() throws IOException {
        IpAddress c = IpAddress.parse("172.16.0.5");
        IpAddress v = IpAddress.parse("10.0.0.1");
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(bos, PcapWriter.Container.PCAP_NS, 1, true)) {
            w.rawIp(1_000, PcapWriter.ip(c, v, seg(40000, 80, 0x02, 111)));
            w.rawIp(2_000, PcapWriter.ip(c, v, seg(40000, 80, 0x02, 111))); // retransmission
            w.rawIp(3_000, PcapWriter.ip(v, c, seg(80, 40000, 0x12, 900)));
            w.rawIp(9_000, PcapWriter.ip(c, v, seg(40000, 80, 0x02, 5555))); // port pair reused
            w.rawIp(9_500, PcapWriter.ip(c, v, seg(40000, 80, 0x04, 5556)));
            w.rawIp(9_600, PcapWriter.ip(c, v, seg(40000, 80, 0x10, 5556))); // after the end
        }
        PcapReader r = reader(bos.toByteArray(), TraceOptions.defaults());
        List<ConnectionRecord> got = Records.readAll(r);
        assertThat(got).extracting(ConnectionRecord::timeNs).containsExactly(0L, 8_000L);
        assertThat(got).extracting(ConnectionRecord::durationNs).containsExactly(2_000L, 500L);
        assertThat(r.report().notes()).containsKeys(
                "TCP port pairs reused by a new SYN before the old connection closed (the old one ends at its last packet)",
                "TCP packets after their connection ended (final ACKs, duplicates; ignored)");
    }

    @Test
    void tcpPacketsCutBeforeTheirFlagsAreTrackedByAddressesAndPorts() throws IOException {
        IpAddress c = IpAddress.parse("fd00::5");
        IpAddress v = IpAddress.parse("fd00::1");
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(bos, PcapWriter.Container.PCAP_NS, 101, true)) {
            w.rawIp(1_000, java.util.Arrays.copyOf(PcapWriter.ip(c, v, seg(40000, 80, 0x02, 1)), 40 + 10));
            w.rawIp(2_000, java.util.Arrays.copyOf(PcapWriter.ip(v, c, seg(80, 40000, 0x12, 2)), 40 + 10));
            w.rawIp(7_000, java.util.Arrays.copyOf(PcapWriter.ip(c, v, seg(40000, 80, 0x11, 3)), 40 + 10));
        }
        List<ConnectionRecord> got = Records.readAll(reader(bos.toByteArray(), TraceOptions.defaults()));
        assertThat(got).hasSize(1);
        assertThat(got.get(0).client()).isEqualTo(c);
        assertThat(got.get(0).durationNs()).isEqualTo(6_000L); // to its last packet
    }

    @Test
    void aLongLivedConnectionIsHandedOutEarlyWhenMoreThanMaxPendingWaitBehindIt() throws IOException {
        IpAddress c = IpAddress.parse("172.16.0.5");
        IpAddress v = IpAddress.parse("10.0.0.1");
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(bos, PcapWriter.Container.PCAP_NS, 1, true)) {
            w.rawIp(1_000, PcapWriter.ip(c, v, seg(39999, 80, 0x02, 7)));
            for (int i = 0; i < 20; i++) {
                long t = 10_000 + i * 1_000L;
                w.rawIp(t, PcapWriter.ip(c, v, seg(40000 + i, 80, 0x02, i)));
                w.rawIp(t + 100, PcapWriter.ip(c, v, seg(40000 + i, 80, 0x04, i + 1)));
                w.rawIp(t + 200, PcapWriter.ip(c, v, seg(39999, 80, 0x10, 8))); // the long one stays busy
            }
            w.rawIp(90_000, PcapWriter.ip(c, v, seg(39999, 80, 0x04, 8)));
        }
        List<ConnectionRecord> exact = Records.readAll(reader(bos.toByteArray(), TraceOptions.defaults()));
        assertThat(exact).hasSize(21);
        assertThat(exact.get(0).durationNs()).isEqualTo(89_000L);

        PcapReader r = reader(bos.toByteArray(), TraceOptions.defaults().withMaxPending(5));
        List<ConnectionRecord> bounded = Records.readAll(r);
        assertThat(bounded).hasSize(21); // still one line per connection, in start order
        assertThat(bounded.get(0).clientPort()).isEqualTo(39999);
        assertThat(bounded.get(0).durationNs()).isEqualTo(ConnectionRecord.UNKNOWN);
        assertThat(bounded.subList(1, 21)).allMatch(x -> x.durationNs() == 100L);
        assertThat(r.report().notes()).containsKey(
                "connections handed out while still open, because more than --max-pending connections waited behind them "
                        + "(duration unknown; their later packets are ignored)");
    }

    @Test
    void bsdLoopbackCapturesAreRead() throws IOException {
        IpAddress c = IpAddress.parse("127.0.0.1");
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(bos, PcapWriter.Container.PCAP_US, 101, true)) {
            w.rawIp(1_000_000, PcapWriter.ip(c, c, PcapWriter.udp(5353, 53, 10)));
        }
        byte[] raw = bos.toByteArray();
        // re-frame as DLT_NULL: link type 0 and a 4-byte host-order AF_INET before each packet
        byte[] b = new byte[raw.length + 4];
        System.arraycopy(raw, 0, b, 0, 24);
        b[20] = 0;
        int incl = (raw[32] & 0xff) | (raw[33] & 0xff) << 8;
        System.arraycopy(raw, 24, b, 24, 16);
        b[32] = (byte) (incl + 4);
        b[36] = (byte) (incl + 4);
        b[40] = 2;
        System.arraycopy(raw, 40, b, 44, incl);
        List<ConnectionRecord> got = Records.readAll(reader(b, TraceOptions.defaults()));
        assertThat(got).hasSize(1);
        assertThat(got.get(0).bytesIn()).isEqualTo(10);
    }
}
