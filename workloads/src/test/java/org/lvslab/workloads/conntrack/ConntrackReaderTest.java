package org.lvslab.workloads.conntrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.ConnectionSource;
import org.lvslab.workloads.OnError;
import org.lvslab.workloads.Records;
import org.lvslab.workloads.TraceFormat;
import org.lvslab.workloads.TraceOptions;

class ConntrackReaderTest {
    static ConntrackReader of(String text, OnError e) {
        return new ConntrackReader(Records.stream(text.getBytes(StandardCharsets.US_ASCII)), "ct.log", e);
    }

    @Test
    void newIsPairedWithDestroyAndTheReplySourceIsTheRealServer() throws IOException {
        try (ConnectionSource s = TraceFormat.openAuto(Records.sample("conntrack.txt"), TraceOptions.defaults())) {
            List<ConnectionRecord> rs = Records.readAll(s);
            assertThat(s.originEpochNs()).isEqualTo(1_700_000_000_100_000_000L);
            assertThat(rs).hasSize(3);
            ConnectionRecord tcp = rs.get(0);
            assertThat(tcp.protocol()).isEqualTo(Protocol.TCP);
            assertThat(tcp.timeNs()).isZero();
            assertThat(tcp.durationNs()).isEqualTo(2_200_000_000L);
            assertThat(tcp.bytesIn()).isEqualTo(420);
            assertThat(tcp.bytesOut()).isEqualTo(3120);
            assertThat(tcp.realServer()).isEqualTo(IpAddress.parse("10.1.0.11"));
            ConnectionRecord udp = rs.get(1);
            assertThat(udp.protocol()).isEqualTo(Protocol.UDP);
            assertThat(udp.timeNs()).isEqualTo(100_000_000L);
            assertThat(udp.durationNs()).isEqualTo(30_800_000_000L);
            assertThat(rs.get(2).hasDuration()).as("still open at the end").isFalse();
            assertThat(s.report().notes()).containsEntry("DESTROY events without their NEW (flow began before the capture; ignored)", 1L)
                    .containsEntry("events of protocols other than tcp/udp/sctp (ignored)", 1L)
                    .containsEntry("connections still open at the end (duration unknown)", 1L);
        }
    }

    @Test
    void eventsWithoutTimestampsAreRejected() {
        assertThatThrownBy(() -> Records.readAll(of("    [NEW] tcp      6 120 SYN_SENT src=1.1.1.1 dst=2.2.2.2 sport=1 dport=2\n", OnError.STOP)))
                .hasMessage("ct.log:1: no timestamp: record events with conntrack -E -o timestamp");
    }

    @Test
    void timeGoingBackwardsIsABadRecord() throws IOException {
        String text = "[1700000001.0]\t[NEW] tcp 6 120 SYN_SENT src=1.1.1.1 dst=2.2.2.2 sport=1 dport=2\n"
                + "[1700000000.5]\t[NEW] tcp 6 120 SYN_SENT src=1.1.1.3 dst=2.2.2.2 sport=1 dport=2\n";
        assertThatThrownBy(() -> Records.readAll(of(text, OnError.STOP)))
                .hasMessage("ct.log:2: time [1700000000.5] is before the previous event's (events must be in time order)");
        ConntrackReader r = of(text, OnError.SKIP);
        assertThat(Records.readAll(r)).hasSize(1);
        assertThat(r.report().skipped()).isEqualTo(1);
    }

    @Test
    void aSecondNewForAnOpenTupleEndsTheFirstWithAnUnknownDurationAsItsDestroyWasLost() throws IOException {
        String line = "[1700000001.0]\t[NEW] tcp 6 120 SYN_SENT src=1.1.1.1 dst=2.2.2.2 sport=1 dport=2\n";
        String again = "[1700000003.0]\t[NEW] tcp 6 120 SYN_SENT src=1.1.1.1 dst=2.2.2.2 sport=1 dport=2\n";
        String destroy = "[1700000004.0]\t[DESTROY] tcp 6 src=1.1.1.1 dst=2.2.2.2 sport=1 dport=2\n";
        ConntrackReader r = of(line + again + destroy, OnError.STOP);
        List<ConnectionRecord> got = Records.readAll(r);
        assertThat(got).hasSize(2);
        assertThat(got.get(0).durationNs()).isEqualTo(ConnectionRecord.UNKNOWN);
        assertThat(got.get(1).timeNs()).isEqualTo(2_000_000_000L);
        assertThat(got.get(1).durationNs()).isEqualTo(1_000_000_000L);
        assertThat(r.report().notes()).containsKey("NEW events for a tuple still open (its DESTROY was lost; the earlier connection's duration is unknown)");
    }

    @Test
    void unknownEventTypesAndBadAddressesAreReported() {
        assertThatThrownBy(() -> Records.readAll(of("[1.0] [MOVED] tcp 6 src=1.1.1.1 dst=2.2.2.2 sport=1 dport=2\n", OnError.STOP)))
                .hasMessage("ct.log:1: unknown event type \"[MOVED]\" (NEW, UPDATE, DESTROY)");
        assertThatThrownBy(() -> Records.readAll(of("[1.0] [NEW] tcp 6 src=1.1.1.999 dst=2.2.2.2 sport=1 dport=2\n", OnError.STOP)))
                .hasMessage("ct.log:1: bad address in src=1.1.1.999 dst=2.2.2.2");
    }

    @Test
    void extendedOutputWithTheLayerThreeProtocolFirstAndIdsIsRead() throws IOException {
        String text = "[1796111754.830686]\t    [NEW] ipv6     10 tcp      6 120 SYN_SENT src=fd00:e2::1 dst=fd00:e2::2 sport=54074 "
                + "dport=19000 [UNREPLIED] src=fd00:e2::2 dst=fd00:e2::1 sport=19000 dport=54074 id=3250366849\n"
                + "[1796111754.930686]\t[DESTROY] ipv6     10 tcp      6 src=fd00:e2::1 dst=fd00:e2::2 sport=54074 dport=19000 "
                + "packets=5 bytes=490 src=fd00:e2::2 dst=fd00:e2::1 sport=19000 dport=54074 packets=4 bytes=996 [ASSURED] id=3250366849 "
                + "delta-time=0 [start=Tue Dec  1 07:55:55 2026] [stop=Tue Dec  1 07:55:55 2026]\n"
                + "conntrack v1.4.7 (conntrack-tools): 2 flow events have been shown.\n";
        ConntrackReader r = of(text, OnError.STOP);
        List<ConnectionRecord> got = Records.readAll(r);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).client()).isEqualTo(IpAddress.parse("fd00:e2::1"));
        assertThat(got.get(0).durationNs()).isEqualTo(100_000_000L);
        assertThat(got.get(0).bytesIn()).isEqualTo(490);
        assertThat(got.get(0).bytesOut()).isEqualTo(996);
        assertThat(got.get(0).realServer()).isNull();
    }

    @Test
    void aPortOnlyDnatNamesTheRealServer() throws IOException {
        String text = "[1.0]\t[NEW] tcp 6 120 SYN_SENT src=10.200.0.1 dst=10.200.0.2 sport=36550 dport=8080 [UNREPLIED] "
                + "src=10.200.0.2 dst=10.200.0.1 sport=19000 dport=36550\n";
        List<ConnectionRecord> got = Records.readAll(of(text, OnError.STOP));
        assertThat(got.get(0).realServer()).isEqualTo(IpAddress.parse("10.200.0.2"));
        assertThat(got.get(0).realPort()).isEqualTo(19000);
    }
}
