package org.lvslab.workloads.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.ConnectionSource;
import org.lvslab.workloads.OnError;
import org.lvslab.workloads.TraceFormatException;
import org.lvslab.workloads.synth.WorkloadSpec;

class CsvTraceRoundTripTest {
    static final String H = CsvTrace.header(Long.MIN_VALUE) + "\n";

    static List<ConnectionRecord> readAll(ConnectionSource src) throws IOException {
        List<ConnectionRecord> out = new ArrayList<>();
        ConnectionRecord r = new ConnectionRecord();
        while (src.next(r)) {
            out.add(r.copy());
        }
        return out;
    }

    static CsvTraceReader reader(String text, OnError e) throws IOException {
        return new CsvTraceReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "t.csv", e);
    }

    @Test
    void writtenRecordsReadBackEqual() throws IOException {
        WorkloadSpec spec = WorkloadSpec.parse("seed=7 count=500 arrivals=poisson(rate=1000) "
                + "service=tcp(10.0.0.1:80,weight=3) service=udp([fd00:a::1]:53) clients6=zipf(fd00:c::/64,n=50) bytes-out=exp(mean=900)");
        List<ConnectionRecord> generated = readAll(spec.open());
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        long n = CsvTraceWriter.copy(spec.open(), bos);
        assertThat(n).isEqualTo(500);
        List<ConnectionRecord> back = readAll(reader(bos.toString(StandardCharsets.US_ASCII), OnError.STOP));
        assertThat(back).isEqualTo(generated);
        assertThat(back).anyMatch(r -> r.vip().isV6() && r.protocol() == Protocol.UDP);
    }

    @Test
    void aRealServerStateAndExpireSurviveTheRoundTrip() throws IOException {
        ConnectionRecord r = new ConnectionRecord().timeNs(5).protocol(Protocol.TCP)
                .client(IpAddress.parse("172.16.0.9"), 40000).vip(IpAddress.parse("10.0.0.1"), 80)
                .realServer(IpAddress.parse("10.1.0.11"), 8080).state("ESTABLISHED").expireNs(899_000_000_000L);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (CsvTraceWriter w = new CsvTraceWriter(bos, 1_000L)) {
            w.write(r);
        }
        CsvTraceReader rd = reader(bos.toString(StandardCharsets.US_ASCII), OnError.STOP);
        assertThat(rd.originEpochNs()).isEqualTo(1_000L);
        assertThat(readAll(rd)).containsExactly(r);
    }

    @Test
    void outOfOrderTimeStopsNamingTheLine() throws IOException {
        String text = H + "100,TCP,1.2.3.4,1000,10.0.0.1,80,0,5,,,,,,\n" + "99,TCP,1.2.3.4,1001,10.0.0.1,80,0,5,,,,,,\n";
        assertThatThrownBy(() -> readAll(reader(text, OnError.STOP)))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage("t.csv:3: time_ns 99 is before the previous line's 100 (lines must be in time order)");
    }

    @Test
    void skipPolicyCountsBadLinesAndKeepsGoodOnes() throws IOException {
        String text = H + "100,TCP,1.2.3.4,1000,10.0.0.1,80,0,5,,,,,,\n"
                + "x,TCP,1.2.3.4,1000,10.0.0.1,80,0,5,,,,,,\n"
                + "101,ICMP,1.2.3.4,1000,10.0.0.1,80,0,5,,,,,,\n"
                + "102,TCP,1.2.3.999,1000,10.0.0.1,80,0,5,,,,,,\n"
                + "103,TCP,1.2.3.4,70000,10.0.0.1,80,0,5,,,,,,\n"
                + "104,TCP,1.2.3.4,1000,10.0.0.1,80,0,5,,\n"
                + "105,TCP,1.2.3.4,1000,10.0.0.1,80,0,5,,,,,,\n";
        CsvTraceReader rd = reader(text, OnError.SKIP);
        assertThat(readAll(rd)).extracting(ConnectionRecord::timeNs).containsExactly(100L, 105L);
        assertThat(rd.report().skipped()).isEqualTo(5);
        assertThat(rd.report().firstSkips()).containsExactly(
                "t.csv:3: time_ns \"x\" is not a non-negative integer",
                "t.csv:4: proto \"ICMP\" is not TCP, UDP or SCTP",
                "t.csv:5: client \"1.2.3.999\" is not a numeric IP address",
                "t.csv:6: client_port 70000 is not a port (0..65535)",
                "t.csv:7: 10 fields, expected 14 (" + String.join(",", CsvTrace.COLUMNS) + ")");
    }

    @Test
    void headerWithAnUnknownColumnOrVersionIsRejected() {
        assertThatThrownBy(() -> reader(H.replace("bytes_in", "bytes_inn"), OnError.SKIP))
                .hasMessageStartingWith("t.csv:1: unknown column \"bytes_inn\", expected \"bytes_in\"");
        assertThatThrownBy(() -> reader(H.replace(" v1 ", " v2 "), OnError.SKIP))
                .hasMessage("t.csv:1: unsupported trace version \"2\" (this lvslab reads v1)");
        assertThatThrownBy(() -> reader("time_ns,proto\n", OnError.SKIP))
                .hasMessageStartingWith("t.csv:1: not an lvslab CSV trace");
        assertThatThrownBy(() -> reader("", OnError.SKIP)).hasMessageStartingWith("t.csv:1: empty file");
    }
}
