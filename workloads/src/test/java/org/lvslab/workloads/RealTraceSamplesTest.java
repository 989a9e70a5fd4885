package org.lvslab.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;

/**
 * Traces written by the real tools (nginx, Apache, tcpdump, tshark, conntrack; see
 * {@code src/test/resources/real/README.md}). The expected counts are the connections the
 * traffic scripts made (cross-checked with {@code tshark -z conv}), not what the readers said.
 */
class RealTraceSamplesTest {
    static final String NGINX_TIMING = "$msec $request_time $remote_addr $remote_port $connection $connection_requests $upstream_response_time";
    static final String NGINX_FULL = "$remote_addr:$remote_port $connection $connection_requests [$time_local] $msec \"$request\" $status "
            + "$request_length $bytes_sent $request_time $server_addr:$server_port \"$upstream_addr\" \"$http_user_agent\"";
    static final String NGINX_ISO = "$time_iso8601 $remote_addr $remote_port $request_time $connection $connection_requests $status "
            + "$body_bytes_sent \"$http_user_agent\"";
    static final String APACHE_TIMING = "%a %{remote}p %k %D %T %{ms}T %t \"%r\" %>s %I %O %A %{local}p";
    static final IpAddress LOOP6 = IpAddress.parse("::1");

    static Path real(String name) {
        try {
            return Path.of(RealTraceSamplesTest.class.getResource("/real/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    record Read(List<ConnectionRecord> records, ReadReport report, long origin) {
        long count(Protocol p) {
            return records.stream().filter(r -> r.protocol() == p).count();
        }
    }

    static Read auto(String name, TraceOptions o) throws IOException {
        try (ConnectionSource s = TraceFormat.openAuto(real(name), o)) {
            List<ConnectionRecord> rs = Records.readAll(s);
            return new Read(rs, s.report(), s.originEpochNs());
        }
    }

    static Read auto(String name) throws IOException {
        return auto(name, TraceOptions.defaults());
    }

    static TraceFormat detected(String name) throws IOException {
        try (BufferedInputStream in = TraceInput.open(real(name))) {
            return TraceFormat.detect(TraceInput.peek(in), name);
        }
    }

    static void assertInStartOrder(List<ConnectionRecord> rs) {
        for (int i = 1; i < rs.size(); i++) {
            assertThat(rs.get(i).timeNs()).isGreaterThanOrEqualTo(rs.get(i - 1).timeNs());
        }
    }

    // ---- nginx ----

    @ParameterizedTest(name = "{0}")
    @CsvSource({"nginx/combined.log.1.gz,526,4", "nginx/combined.log,26,0"})
    void nginxDefaultCombinedLogsAreDetectedWithoutALogFormatAndGiveOneConnectionPerRequest(String file, int requests, int fromIpv6)
            throws IOException {
        assertThat(detected(file)).isEqualTo(TraceFormat.NGINX);
        Read r = auto(file);
        assertThat(r.records()).hasSize(requests);
        assertThat(r.records()).filteredOn(c -> c.client().equals(LOOP6)).hasSize(fromIpv6);
        assertInStartOrder(r.records());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"nginx/timing.log.1.xz,71", "nginx/timing.log,22", "nginx/backend.log.1,4"})
    void nginxLogsWithAConnectionSerialGiveTheConnectionsTheClientsOpened(String file, int connections) throws IOException {
        Read r = auto(file, TraceOptions.defaults().withLogFormat(NGINX_TIMING)); // the dialect is told by the $variables
        assertThat(r.records()).hasSize(connections);
        assertThat(r.records()).allMatch(ConnectionRecord::hasDuration);
        assertInStartOrder(r.records());
    }

    @Test
    void nginxIpv6ClientsBeforeAColonAndPortAreSplitCorrectly() throws IOException {
        Read r = auto("nginx/full.log.1", TraceOptions.defaults().withLogFormat(NGINX_FULL));
        assertThat(r.records()).hasSize(71);
        // curl to [::1] made 2 connections of 2 requests each
        assertThat(r.records()).filteredOn(c -> c.client().equals(LOOP6))
                .hasSize(2)
                .allMatch(c -> c.vip().equals(LOOP6) && c.vport() == 18080 && c.clientPort() > 0);
        // 2 connections went through the proxy to the back end
        assertThat(r.records()).filteredOn(c -> c.realServer() != null)
                .hasSize(2)
                .allMatch(c -> c.realServer().equals(IpAddress.parse("127.0.0.1")) && c.realPort() == 18082);
        assertThat(auto("nginx/full.log", TraceOptions.defaults().withLogFormat(NGINX_FULL)).records()).hasSize(22);
    }

    @Test
    void nginxTimeZonesInTimeLocalAndIso8601AgreeWithMsec() throws IOException {
        long msec = auto("nginx/timing.log.1.xz", TraceOptions.defaults().withLogFormat(NGINX_TIMING)).origin();
        Read iso = auto("nginx/iso.log.1.zst", TraceOptions.defaults().withLogFormat(NGINX_ISO));
        Read clf = auto("nginx/combined.log.1.gz");
        assertThat(iso.records()).hasSize(71);
        // the logs were written at -0800; whole-second times are within a second of $msec
        assertThat(Math.abs(iso.origin() - msec)).isLessThan(1_000_000_000L);
        assertThat(Math.abs(clf.origin() - msec)).isLessThan(1_000_000_000L);
    }

    // ---- Apache ----

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"apache/common.log,APACHE", "apache/combined.log,NGINX", "apache/vhost.log,APACHE"})
    void apachePredefinedFormatsAreDetectedAndGiveOneConnectionPerRequest(String file, TraceFormat format) throws IOException {
        assertThat(detected(file)).isEqualTo(format); // combined reads the same as nginx's combined
        assertThat(auto(file).records()).hasSize(515);
        try (ConnectionSource s = TraceFormat.APACHE.open(real(file), TraceOptions.defaults())) {
            assertThat(Records.readAll(s)).hasSize(515); // --format apache alone picks the format from the lines
        }
    }

    @Test
    void apacheKeepAliveCountAndRemotePortGiveTheConnectionsIncludingThe408() throws IOException {
        Read r = auto("apache/timing.log", TraceOptions.defaults().withLogFormat(APACHE_TIMING));
        assertThat(r.records()).hasSize(70);
        assertThat(r.records()).filteredOn(c -> c.client().equals(LOOP6)).hasSize(2);
        assertThat(r.records()).allMatch(c -> c.vport() == 18081);
        assertInStartOrder(r.records());
    }

    @Test
    void apachePlusFiveThirtyTimesAgreeWithTheCapture() throws IOException {
        long log = auto("apache/common.log").origin();
        long cap = auto("pcap/apache-any-sll.pcap").origin();
        assertThat(Math.abs(log - cap)).isLessThan(1_000_000_000L);
    }

    // ---- pcap ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pcap/lo-us.pcap", "pcap/lo-ns.pcap", "pcap/lo.pcapng", "pcap/lo+any.pcapng", "pcap/lo-snap64.pcap"})
    void loopbackCapturesGiveEveryConnectionOnce(String file) throws IOException {
        assertThat(detected(file)).isEqualTo(TraceFormat.PCAP);
        Read r = auto(file);
        assertThat(r.count(Protocol.TCP)).isEqualTo(15);
        assertThat(r.count(Protocol.UDP)).isEqualTo(4);
        assertThat(r.records()).filteredOn(c -> c.protocol() == Protocol.TCP && c.client().isV6()).hasSize(3);
        assertThat(r.records()).filteredOn(c -> c.protocol() == Protocol.UDP && c.client().isV6()).hasSize(1);
        // the two connections still established when the capture stopped
        assertThat(r.records()).filteredOn(c -> !c.hasDuration()).hasSize(2);
        // the two refused SYNs (answered by RST) are connection attempts to port 19099
        assertThat(r.records()).filteredOn(c -> c.vport() == 19099).hasSize(2).allMatch(ConnectionRecord::hasDuration);
        // the long-lived connection, opened first and closed last, comes first, at time 0
        assertThat(r.records().get(0).timeNs()).isZero();
        assertThat(r.records().get(0).durationNs()).isGreaterThan(r.records().get(1).durationNs());
        assertInStartOrder(r.records());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pcap/nginx-lo.pcap.zst,101", "pcap/nginx-lo.pcapng.xz,101", "pcap/apache-any-sll.pcap,71",
            "pcap/apache-any-sll2.pcap,71", "pcap/apache-any.pcapng,71"})
    void capturesOfTheWebServerRunsMatchTheirLogsPlusAbsSpareConnections(String file, int connections) throws IOException {
        Read r = auto(file);
        assertThat(r.records()).hasSize(connections).allMatch(c -> c.protocol() == Protocol.TCP);
        assertInStartOrder(r.records());
    }

    @Test
    void nginxCaptureSeesTheProxyConnectionsSeparately() throws IOException {
        Read r = auto("pcap/nginx-lo.pcap.zst");
        assertThat(r.records()).filteredOn(c -> c.vport() == 18080).hasSize(97);
        assertThat(r.records()).filteredOn(c -> c.vport() == 18082).hasSize(4);
    }

    @Test
    void ipv6ExtensionHeadersAndFragmentsAreFollowed() throws IOException {
        Read r = auto("pcap/veth-ipv6-ext-frag.pcap");
        assertThat(r.count(Protocol.TCP)).isEqualTo(2);
        assertThat(r.count(Protocol.UDP)).isEqualTo(4);
        // the 3000-byte datagrams count their whole length, from the first fragment's UDP header
        assertThat(r.records()).filteredOn(c -> c.bytesIn() == 3000).hasSize(2).allMatch(c -> c.bytesOut() == 4000);
        assertThat(r.report().notes()).containsKey("non-first IP fragments (ignored)");
    }

    @Test
    void vlanAndQinqTaggedFramesAreUnwrapped() throws IOException {
        Read r = auto("pcap/vlan-qinq.pcap");
        assertThat(r.count(Protocol.TCP)).isEqualTo(2);
        assertThat(r.count(Protocol.UDP)).isEqualTo(1);
        assertThat(r.records()).filteredOn(c -> c.protocol() == Protocol.TCP)
                .allMatch(c -> c.bytesIn() == 18 && c.bytesOut() == 24 && c.vport() == 80);
    }

    @Test
    void aCaptureCutInsideAPacketNamesTheByteOffsetOrKeepsWhatCameBeforeWhenSkipping() throws IOException {
        assertThatThrownBy(() -> auto("pcap/lo-us-cut.pcap"))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageEndingWith("lo-us-cut.pcap: byte 9963: truncated packet data: 37 of 94 bytes");
        assertThatThrownBy(() -> auto("pcap/lo-cut.pcapng"))
                .hasMessageEndingWith("lo-cut.pcapng: byte 9924: truncated block body: 77 of 100 bytes");
        Read r = auto("pcap/lo-us-cut.pcap", TraceOptions.defaults().withOnError(OnError.SKIP));
        assertThat(r.report().skipped()).isEqualTo(1);
        assertThat(r.records()).isNotEmpty().hasSizeLessThan(19);
    }

    // ---- conntrack ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"conntrack/ct-timestamp.txt", "conntrack/ct-timestamp-extended.txt", "conntrack/ct-timestamp-id.txt",
            "conntrack/ct-ktimestamp.txt"})
    void conntrackEventLogsGiveEveryNewFlow(String file) throws IOException {
        assertThat(detected(file)).isEqualTo(TraceFormat.CONNTRACK);
        Read r = auto(file);
        assertThat(r.count(Protocol.TCP)).isEqualTo(11);
        assertThat(r.count(Protocol.UDP)).isEqualTo(4);
        assertThat(r.records()).filteredOn(c -> !c.hasDuration()).hasSize(1); // the connection held open
        // the DNAT 8080 -> 19000: the reply tuple names the real server
        assertThat(r.records()).filteredOn(c -> c.vport() == 8080).hasSize(2)
                .allMatch(c -> c.realServer().equals(IpAddress.parse("10.200.0.2")) && c.realPort() == 19000);
        assertThat(r.records()).filteredOn(c -> c.client().isV6()).hasSize(3);
        assertThat(r.report().notes()).containsEntry("DESTROY events without their NEW (flow began before the capture; ignored)", 14L);
    }

    @Test
    void conntrackWithoutTimestampsIsRejectedAtLineOne() {
        assertThatThrownBy(() -> auto("conntrack/ct-no-timestamp.txt"))
                .hasMessageEndingWith("ct-no-timestamp.txt:1: no timestamp: record events with conntrack -E -o timestamp");
    }

    // ---- ipvsadm ----

    @Test
    void aRealIpvsTableReadsTheSameFromIpvsadmAndFromProc() throws IOException {
        assertThat(detected("ipvsadm/ipvsadm-lcn-6.12.txt")).isEqualTo(TraceFormat.IPVSADM_LCN);
        assertThat(detected("ipvsadm/ip_vs_conn-6.12.txt")).isEqualTo(TraceFormat.IPVSADM_LCN);
        Read lcn = auto("ipvsadm/ipvsadm-lcn-6.12.txt");
        Read proc = auto("ipvsadm/ip_vs_conn-6.12.txt");
        assertThat(lcn.records()).hasSize(12);
        assertThat(lcn.records()).filteredOn(c -> c.protocol() == Protocol.TCP && c.clientPort() != 0).hasSize(6)
                .allMatch(c -> c.state().equals("ESTABLISHED"));
        assertThat(lcn.records()).filteredOn(c -> c.clientPort() == 0).hasSize(3)
                .allMatch(c -> c.state().equals("ASSURED") && c.expireNs() == 57_000_000_000L);
        assertThat(lcn.count(Protocol.UDP)).isEqualTo(3);
        // hex and dotted addresses give the same entries; the two dumps were taken a moment apart, so
        // the timers (mm:ss vs seconds) agree to a second
        assertThat(proc.records()).hasSize(12);
        for (int i = 0; i < 12; i++) {
            ConnectionRecord a = lcn.records().get(i);
            ConnectionRecord b = proc.records().get(i);
            assertThat(b.copy().expireNs(a.expireNs())).isEqualTo(a);
            assertThat(Math.abs(a.expireNs() - b.expireNs())).isLessThanOrEqualTo(1_000_000_000L);
        }
    }
}
