package org.lvslab.workloads.ipvsadm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.OnError;
import org.lvslab.workloads.Records;
import org.lvslab.workloads.TraceFormat;
import org.lvslab.workloads.TraceOptions;

class IpvsConnSnapshotReaderTest {
    @Test
    void ipvsadmListingBecomesAnInitialTableAtTimeZero() throws IOException {
        List<ConnectionRecord> rs = Records.readAll(TraceFormat.openAuto(Records.sample("ipvsadm-lcn.txt"), TraceOptions.defaults()));
        assertThat(rs).hasSize(4).allMatch(r -> r.timeNs() == 0 && !r.hasDuration());
        assertThat(rs).extracting(ConnectionRecord::state).containsExactly("ESTABLISHED", "UDP", "NONE", "SYN_RECV");
        assertThat(rs.get(0).expireNs()).isEqualTo(897_000_000_000L);
        assertThat(rs.get(0).realServer()).isEqualTo(IpAddress.parse("192.168.1.1"));
        assertThat(rs.get(3).client()).isEqualTo(IpAddress.parse("2001:db8::1"));
        assertThat(rs.get(3).clientPort()).isEqualTo(49152);
    }

    @Test
    void procFileWithHexFieldsReadsTheSame() throws IOException {
        List<ConnectionRecord> rs = Records.readAll(TraceFormat.openAuto(Records.sample("ip_vs_conn.txt"), TraceOptions.defaults()));
        assertThat(rs).hasSize(2);
        assertThat(rs.get(0).client()).isEqualTo(IpAddress.parse("10.0.79.182"));
        assertThat(rs.get(0).clientPort()).isEqualTo(54321);
        assertThat(rs.get(0).expireNs()).isEqualTo(897_000_000_000L);
        assertThat(rs.get(1).vport()).isEqualTo(53);
    }

    @Test
    void namesInsteadOfNumbersAreBadRecords() {
        String text = "IPVS connection entries\npro expire state       source             virtual            destination\n"
                + "TCP 14:57  ESTABLISHED 10.0.79.182:54321  10.0.0.1:http      192.168.1.1:http\n";
        assertThatThrownBy(() -> Records.readAll(new IpvsConnSnapshotReader(Records.stream(text.getBytes(StandardCharsets.US_ASCII)),
                "lc.txt", OnError.STOP)))
                .hasMessage("lc.txt:3: bad address:port in \"10.0.79.182:54321 10.0.0.1:http 192.168.1.1:http\" (names? use ipvsadm -Lcn)");
    }

    @Test
    void badExpireIsReported() {
        String text = "TCP 14:77  ESTABLISHED 10.0.79.182:54321  10.0.0.1:80      192.168.1.1:80\n";
        assertThatThrownBy(() -> Records.readAll(new IpvsConnSnapshotReader(Records.stream(text.getBytes(StandardCharsets.US_ASCII)),
                "lc.txt", OnError.STOP))).hasMessage("lc.txt:1: bad expire \"14:77\" (mm:ss)");
    }
}
