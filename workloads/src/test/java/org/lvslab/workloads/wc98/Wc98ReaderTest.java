package org.lvslab.workloads.wc98;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.OnError;
import org.lvslab.workloads.Records;
import org.lvslab.workloads.TraceFormat;
import org.lvslab.workloads.TraceOptions;

class Wc98ReaderTest {
    static byte[] sample() throws IOException {
        return Files.readAllBytes(Records.sample("wc98.bin"));
    }

    @Test
    void recordsMapClientsIntoTheRangeAndServersToRealServers() throws IOException {
        Wc98Reader r = new Wc98Reader(Records.stream(sample()), "wc.bin", TraceOptions.defaults());
        List<ConnectionRecord> rs = Records.readAll(r);
        assertThat(r.originEpochNs()).isEqualTo(898_000_000_000_000_000L);
        assertThat(rs).extracting(ConnectionRecord::timeNs).containsExactly(0L, 0L, 1_000_000_000L);
        assertThat(rs.get(0).client()).isEqualTo(IpAddress.parse("172.16.0.1"));
        assertThat(rs.get(0).bytesOut()).isEqualTo(5120);
        assertThat(rs.get(1).bytesOut()).as("0xFFFFFFFF = no size").isEqualTo(-1);
        assertThat(rs.get(0).realServer()).isEqualTo(IpAddress.parse("10.1.0.3"));
        assertThat(rs.get(1).realServer()).isEqualTo(IpAddress.parse("10.1.1.7"));
        assertThat(rs.get(2).realServer()).isEqualTo(IpAddress.parse("10.1.3.31"));
        assertThat(rs).allMatch(x -> x.vport() == 80 && !x.hasDuration());
    }

    @Test
    void contentDetectionRecognisesWc98() throws IOException {
        assertThat(TraceFormat.detect(Arrays.copyOf(sample(), 60), "x")).isEqualTo(TraceFormat.WC98);
    }

    @Test
    void aTruncatedFileNamesTheOffsetOfThePartialRecord() throws IOException {
        byte[] b = Arrays.copyOf(sample(), 47);
        assertThatThrownBy(() -> Records.readAll(new Wc98Reader(Records.stream(b), "wc.bin", TraceOptions.defaults())))
                .hasMessage("wc.bin: byte 40: truncated record: 7 of 20 bytes");
    }

    @Test
    void backwardsTimestampsAndUnknownRegionsAreBadRecords() throws IOException {
        byte[] b = sample();
        b[40 + 3] = 0; // third record's timestamp now earlier
        Wc98Reader skip = new Wc98Reader(Records.stream(b), "wc.bin", TraceOptions.defaults().withOnError(OnError.SKIP));
        assertThat(Records.readAll(skip)).hasSize(2);
        assertThat(skip.report().firstSkips()).singleElement().asString().startsWith("wc.bin: byte 40: timestamp ");
        byte[] c = sample();
        c[19] = (byte) 0xe0;
        assertThatThrownBy(() -> Records.readAll(new Wc98Reader(Records.stream(c), "wc.bin", TraceOptions.defaults())))
                .hasMessage("wc.bin: byte 0: server byte 0xe0 names region 7 (WC98 had regions 0-3; is this a WC98 file?)");
    }
}
