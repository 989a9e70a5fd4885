package org.lvslab.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class TraceInputTest {
    @TempDir
    Path dir;

    interface Compressor {
        OutputStream wrap(OutputStream o) throws IOException;
    }

    byte[] compress(byte[] data, Compressor c) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream o = c.wrap(bos)) {
            o.write(data);
        }
        return bos.toByteArray();
    }

    @Test
    void gzipXzAndZstdAreDetectedByMagicNotByName() throws IOException {
        byte[] plain = Files.readAllBytes(Records.sample("sample.csv"));
        List<ConnectionRecord> want = Records.readAll(TraceFormat.openAuto(Records.sample("sample.csv"), TraceOptions.defaults()));
        Compressor[] cs = {GZIPOutputStream::new, o -> new XZOutputStream(o, new LZMA2Options()), ZstdOutputStream::new};
        for (Compressor c : cs) {
            Path f = dir.resolve("trace.dat");
            Files.write(f, compress(plain, c));
            assertThat(Records.readAll(TraceFormat.openAuto(f, TraceOptions.defaults()))).isEqualTo(want);
        }
    }

    @Test
    void aTruncatedGzipFileIsATraceFormatError() throws IOException {
        byte[] plain = Files.readAllBytes(Records.sample("sample.csv"));
        byte[] gz = compress(plain, GZIPOutputStream::new);
        Path f = dir.resolve("t.csv.gz");
        Files.write(f, Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> Records.readAll(TraceFormat.openAuto(f, TraceOptions.defaults())))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("corrupt or truncated gzip data");
    }

    @Test
    void aMissingFileAndUnrecognisedContentAreNamed() throws IOException {
        assertThatThrownBy(() -> TraceFormat.openAuto(dir.resolve("nope.csv"), TraceOptions.defaults()))
                .hasMessageEndingWith("nope.csv: no such file");
        Path f = dir.resolve("odd.txt");
        Files.writeString(f, "hello\n");
        assertThatThrownBy(() -> TraceFormat.openAuto(f, TraceOptions.defaults()))
                .hasMessageContaining("cannot tell the trace format from its content");
        Path log = dir.resolve("access.log");
        Files.writeString(log, "1700000000.123 0.004 1.2.3.4 40000 7 1\n");
        assertThatThrownBy(() -> TraceFormat.openAuto(log, TraceOptions.defaults()))
                .hasMessageContaining("looks like an HTTP access log in a custom format: pass --log-format");
    }
}
