package org.lvslab.workloads.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.ConnectionSource;
import org.lvslab.workloads.OnError;
import org.lvslab.workloads.Records;
import org.lvslab.workloads.TraceFormat;
import org.lvslab.workloads.TraceFormatException;
import org.lvslab.workloads.TraceOptions;

class AccessLogReaderTest {
    static final String NGINX = "$remote_addr:$remote_port $connection $connection_requests [$time_local] $msec \"$request\" "
            + "$status $request_length $bytes_sent $request_time $server_addr:$server_port \"$upstream_addr\"";
    static final String APACHE = "%a %{remote}p %k %t \"%r\" %>s %I %O %D %A %p";

    static ConnectionSource nginx(String text, TraceOptions o) {
        return AccessLogReader.nginx(Records.stream(text.getBytes(StandardCharsets.UTF_8)), "access.log", o.withLogFormat(NGINX));
    }

    @Test
    void nginxKeepAliveRequestsOfOneConnectionBecomeOneRecord() throws IOException {
        try (ConnectionSource s = TraceFormat.NGINX.open(Records.sample("nginx.log"), TraceOptions.defaults().withLogFormat(NGINX))) {
            List<ConnectionRecord> rs = Records.readAll(s);
            assertThat(s.originEpochNs()).isEqualTo(1_700_000_000_100_000_000L);
            assertThat(rs).hasSize(3);
            ConnectionRecord a = rs.get(0);
            assertThat(a.timeNs()).isZero();
            assertThat(a.client()).isEqualTo(IpAddress.parse("172.16.0.5"));
            assertThat(a.clientPort()).isEqualTo(40001);
            assertThat(a.durationNs()).isEqualTo(1_100_000_000L); // 0.1 → 1.2
            assertThat(a.bytesIn()).isEqualTo(250);
            assertThat(a.bytesOut()).isEqualTo(5120 + 2048);
            assertThat(a.realServer()).isEqualTo(IpAddress.parse("10.1.0.11"));
            assertThat(rs.get(1).timeNs()).isEqualTo(750_000_000L);
            assertThat(rs.get(1).durationNs()).isEqualTo(50_000_000L);
            ConnectionRecord c = rs.get(2);
            assertThat(c.timeNs()).isEqualTo(3_900_000_000L);
            assertThat(c.vport()).isEqualTo(443);
            assertThat(c.realServer()).as("last upstream tried").isEqualTo(IpAddress.parse("10.1.0.14"));
        }
    }

    @Test
    void apacheStartTimesAndMicrosecondDurations() throws IOException {
        try (ConnectionSource s = TraceFormat.APACHE.open(Records.sample("apache.log"), TraceOptions.defaults().withLogFormat(APACHE))) {
            List<ConnectionRecord> rs = Records.readAll(s);
            assertThat(s.originEpochNs()).isEqualTo(1_700_000_000_000_000_000L);
            assertThat(rs).extracting(ConnectionRecord::timeNs).containsExactly(0L, 0L, 4_000_000_000L);
            assertThat(rs.get(0).clientPort()).isEqualTo(40001);
            assertThat(rs.get(0).durationNs()).as("keep-alive: 20.0 → 21.1").isEqualTo(1_100_000_000L);
            assertThat(rs.get(0).bytesOut()).isEqualTo(7168);
            assertThat(rs.get(1).durationNs()).as("escaped quote inside %r").isEqualTo(50_000_000L);
            assertThat(rs.get(2).vport()).isEqualTo(443);
        }
    }

    @Test
    void withoutAConnectionKeyEveryRequestIsAConnection() throws IOException {
        String fmt = "$remote_addr [$time_local] $request_time";
        String log = "1.2.3.4 [14/Nov/2023:22:13:20 +0000] 0.5\n1.2.3.4 [14/Nov/2023:22:13:21 +0000] 0.5\n";
        ConnectionSource s = AccessLogReader.nginx(Records.stream(log.getBytes(StandardCharsets.US_ASCII)), "a.log",
                TraceOptions.defaults().withLogFormat(fmt));
        assertThat(Records.readAll(s)).extracting(ConnectionRecord::timeNs).containsExactly(0L, 1_000_000_000L);
    }

    @Test
    void aLineThatDoesNotMatchTheFormatNamesItsLine() {
        String log = "172.16.0.5:40001 101 1 [14/Nov/2023:22:13:20 +0000] 1700000000.500 \"GET / HTTP/1.1\" 200 120 5120 0.400 10.0.0.1:80 \"-\"\n"
                + "hello world\n";
        assertThatThrownBy(() -> Records.readAll(nginx(log, TraceOptions.defaults())))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith("access.log:2: ");
    }

    @Test
    void aBadMsecIsReportedAndCanBeSkipped() throws IOException {
        String good = "172.16.0.5:40001 101 1 [14/Nov/2023:22:13:20 +0000] 1700000000.500 \"GET / HTTP/1.1\" 200 120 5120 0.400 10.0.0.1:80 \"-\"\n";
        String bad = good.replace("1700000000.500", "17000x0000.500").replace(" 101 ", " 102 ");
        assertThatThrownBy(() -> Records.readAll(nginx(bad + good, TraceOptions.defaults())))
                .hasMessage("access.log:1: $msec \"17000x0000.500\" is not a valid time");
        ConnectionSource s = nginx(bad + good, TraceOptions.defaults().withOnError(OnError.SKIP));
        assertThat(Records.readAll(s)).hasSize(1);
        assertThat(s.report().skipped()).isEqualTo(1);
    }

    @Test
    void aRequestStartingBeforeHandedOutConnectionsIsOutOfOrder() {
        String fmt = "$remote_addr $msec $request_time";
        String log = "1.1.1.1 1000.0 0\n1.1.1.2 2000.0 0\n1.1.1.3 3000.0 0\n1.1.1.4 500.0 0\n";
        ConnectionSource s = AccessLogReader.nginx(Records.stream(log.getBytes(StandardCharsets.US_ASCII)), "a.log",
                TraceOptions.defaults().withLogFormat(fmt).withReorderWindowNs(1_000_000_000L));
        assertThatThrownBy(() -> Records.readAll(s)).hasMessage("a.log:4: request starts at -500.000s, before connections already handed out (1000.000s): "
                + "more than the reorder window of 1s out of order (raise --reorder-window)");
    }

    @Test
    void formatsWithoutTimeOrClientAreRejected() {
        assertThatThrownBy(() -> LogPattern.nginx("$remote_addr $status")).hasMessageStartingWith("log format has no time");
        assertThatThrownBy(() -> LogPattern.apache("%t %s")).hasMessageStartingWith("log format has no client address");
        assertThatThrownBy(() -> LogPattern.nginx("$remote_addr$msec")).hasMessageContaining("have nothing between them");
        assertThatThrownBy(() -> LogPattern.apache("%h %{%d}t")).hasMessageContaining("is not supported");
    }

    @Test
    void clfAndIsoTimesConvertToEpoch() {
        assertThat(LogTime.clf("14/Nov/2023:22:13:20 +0000", 0, 26)).isEqualTo(1_700_000_000_000_000_000L);
        assertThat(LogTime.clf("14/Nov/2023:23:13:20 +0100", 0, 26)).isEqualTo(1_700_000_000_000_000_000L);
        assertThat(LogTime.iso("2023-11-14T17:13:20-05:00", 0, 25)).isEqualTo(1_700_000_000_000_000_000L);
        assertThat(LogTime.clf("14/Foo/2023:22:13:20 +0000", 0, 26)).isEqualTo(-1);
        assertThat(LogTime.clf("14/Nov/2023:25:13:20 +0000", 0, 26)).isEqualTo(-1);
    }

    static List<ConnectionRecord> read(String dialect, String fmt, String log, TraceOptions o) throws IOException {
        TraceOptions opt = fmt == null ? o : o.withLogFormat(fmt);
        byte[] b = log.getBytes(StandardCharsets.ISO_8859_1);
        return Records.readAll(dialect.equals("nginx") ? AccessLogReader.nginx(Records.stream(b), "a.log", opt)
                : AccessLogReader.apache(Records.stream(b), "a.log", opt));
    }

    @Test
    void anIpv6ClientFollowedByAColonAndThePortIsSplitAtTheColonThatLeavesANumericPort() throws IOException {
        String log = "::1:49262 5 1 1700000000.100\n2001:db8::7:40000 6 1 1700000000.200\n10.0.0.9:40001 7 1 1700000000.300\n";
        List<ConnectionRecord> got = read("nginx", "$remote_addr:$remote_port $connection $connection_requests $msec", log,
                TraceOptions.defaults());
        assertThat(got).extracting(r -> r.client() + " " + r.clientPort())
                .containsExactly("::1 49262", "2001:db8::7 40000", "10.0.0.9 40001");
    }

    @Test
    void withoutALogFormatNginxReadsItsDefaultCombinedFormatWithEscapedQuotesInTheUserAgent() throws IOException {
        String log = "::1 - - [30/Nov/2026:23:51:38 -0800] \"GARBAGE\\x01 \\x22x y\\x22 \\x5C junk\" 400 157 \"-\" \"-\"\n"
                + "127.0.0.1 - bob smith [30/Nov/2026:23:51:39 -0800] \"GET / HTTP/1.1\" 200 3 \"-\" \"Mozilla \\x22q\\x22 \\x5C\"\n";
        List<ConnectionRecord> got = read("nginx", null, log, TraceOptions.defaults());
        assertThat(got).hasSize(2);
        assertThat(got.get(0).client()).isEqualTo(IpAddress.parse("::1"));
        assertThat(got.get(1).timeNs()).isEqualTo(1_000_000_000L);
        assertThat(got.get(1).bytesOut()).isEqualTo(3);
    }

    @Test
    void apacheEscapedQuotesAndAnAbsentRequestLineAreRead() throws IOException {
        String log = "127.0.0.1 - - [01/Dec/2026:13:23:01 +0530] \"GET /q=\\\"a b\\\"\" 400 266 \"-\" \"ua \\\"x\\\" \\\\\"\n"
                + "127.0.0.1 - - [01/Dec/2026:13:23:38 +0530] \"-\" 408 - \"-\" \"-\"\n";
        List<ConnectionRecord> got = read("apache", "combined", log, TraceOptions.defaults());
        assertThat(got).hasSize(2);
        assertThat(got.get(1).timeNs()).isEqualTo(37_000_000_000L);
        assertThat(got.get(1).bytesOut()).isZero(); // %b "-" is zero bytes
    }

    @Test
    void theFinestOfSeveralApacheDurationFieldsWins() throws IOException {
        String log = "1.2.3.4 [01/Dec/2026:13:23:01 +0530] 1 1234567 1234\n";
        List<ConnectionRecord> got = read("apache", "%a %t %T %D %{ms}T", log, TraceOptions.defaults());
        assertThat(got.get(0).durationNs()).isEqualTo(1_234_567_000L);
    }

    @Test
    void aLongKeepAliveConnectionIsHandedOutEarlyWhenTooManyConnectionsWaitBehindIt() throws IOException {
        // connection 1 makes a request every second; connections 2.. each make one request
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            log.append("1.1.1.1 1 ").append(1000 + i).append(".0 0.5\n");
            log.append("1.1.1.").append(i + 2).append(' ').append(i + 2).append(' ').append(1000 + i).append(".5 0.1\n");
        }
        String fmt = "$remote_addr $connection $msec $request_time";
        List<ConnectionRecord> all = read("nginx", fmt, log.toString(), TraceOptions.defaults());
        assertThat(all).hasSize(11);
        assertThat(all.get(0).durationNs()).isEqualTo(9_500_000_000L);

        List<ConnectionRecord> bounded = read("nginx", fmt, log.toString(), TraceOptions.defaults().withMaxPending(3));
        // connection 1 is handed out (duration unknown) once more than 3 wait; its later requests form new connections
        assertThat(bounded.get(0).client()).isEqualTo(IpAddress.parse("1.1.1.1"));
        assertThat(bounded.get(0).durationNs()).isEqualTo(ConnectionRecord.UNKNOWN);
        assertThat(bounded).filteredOn(r -> !r.client().equals(IpAddress.parse("1.1.1.1"))).hasSize(10);
        assertThat(bounded.size()).isGreaterThan(11);
        for (int i = 1; i < bounded.size(); i++) {
            assertThat(bounded.get(i).timeNs()).isGreaterThanOrEqualTo(bounded.get(i - 1).timeNs());
        }
    }

    @Test
    void aDashForTheConnectionSerialFallsBackToTheClientPort() throws IOException {
        String log = "1.1.1.1 40000 - 1000.0\n1.1.1.1 40000 - 1001.0\n1.1.1.1 40002 - 1001.5\n";
        List<ConnectionRecord> got = read("nginx", "$remote_addr $remote_port $connection $msec", log, TraceOptions.defaults());
        assertThat(got).extracting(ConnectionRecord::clientPort).containsExactly(40000, 40002);
    }
}
