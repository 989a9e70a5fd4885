package org.lvslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lvslab scenario run} and {@code lvslab conformance} (simulator side; no VM needed). */
class ScenarioCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int lvslab(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static final String WLC = """
            ipvsadm -A -t 10.0.0.1:80 -s wlc
            ipvsadm -a -t 10.0.0.1:80 -r 10.1.0.12:80 -m -w 257
            connect 172.16.1.1:10000 10.0.0.1:80
            ipvsadm -a -t 10.0.0.1:80 -r 10.1.0.11:80 -m -w 1
            connect 172.16.1.2:10000 10.0.0.1:80 close
            connect 172.16.1.3:10000 10.0.0.1:80
            """;

    @Test
    void kernelVersionSelectsTheOverheadFormula() throws Exception {
        Path f = Files.writeString(dir.resolve("wlc.lvs"), WLC);
        assertThat(lvslab("scenario", "run", f.toString(), "--kernel", "6.1.170")).isZero();
        // CLASSIC: A(1 inactive) = 1*257 > B(1 active) = 256*1 -> B
        assertThat(out.toString()).endsWith("172.16.1.3:10000 -> 10.1.0.12:80\n");
        out.getBuffer().setLength(0);
        assertThat(lvslab("scenario", "run", f.toString())).isZero();
        // NEW (default, newest kernel): 257 vs 257 -> tie -> A, first in list order
        assertThat(out.toString()).endsWith("172.16.1.3:10000 -> 10.1.0.11:80\n");
    }

    @Test
    void parseErrorsNameFileAndLineAndExitWithTwo() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.lvs"), "ipvsadm -Ln\nconnect nowhere\n");
        assertThat(lvslab("scenario", "run", f.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(f + ":2: expected connect");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void conformanceExitsZeroWhenTheRecordingMatchesAndOneOtherwise() throws Exception {
        Files.writeString(dir.resolve("wlc.lvs"), WLC);
        Files.writeString(dir.resolve("wlc.6.1.170.out"),
                "172.16.1.1:10000 -> 10.1.0.12:80\n172.16.1.2:10000 -> 10.1.0.11:80\n172.16.1.3:10000 -> 10.1.0.12:80\n");
        assertThat(lvslab("conformance", dir.toString())).isZero();
        assertThat(out.toString()).contains("PASS").contains("1 passed, 0 differ");
        Files.writeString(dir.resolve("wlc.6.12.117.out"),
                "172.16.1.1:10000 -> 10.1.0.12:80\n172.16.1.2:10000 -> 10.1.0.11:80\n172.16.1.3:10000 -> 10.1.0.12:80\n");
        assertThat(lvslab("conformance", dir.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL").contains("expected: 172.16.1.3:10000 -> 10.1.0.12:80")
                .contains("actual:   172.16.1.3:10000 -> 10.1.0.11:80");
    }
}
