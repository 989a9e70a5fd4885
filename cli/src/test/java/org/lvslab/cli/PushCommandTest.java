package org.lvslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What push, pull and diff decide before they talk to the kernel (the kernel side is tested in module netlink and live). */
class PushCommandTest {
    private static int run(StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    @Test
    void aRulesLineTheSimulatedKernelRefusesStopsThePushWithFileAndLine(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("web.rules");
        Files.writeString(rules, "-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.9:80 -r 10.1.0.1:80 -m\n");
        StringWriter err = new StringWriter();
        assertThat(run(err, "push", rules.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("lvslab push: " + rules + ":2: ").contains("in: -a -t 10.0.0.9:80");
    }

    @Test
    void aMissingFileIsBadInput(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        assertThat(run(err, "diff", dir.resolve("none.rules").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("none.rules: cannot read");
    }

    @Test
    void aBadKernelVersionIsBadInput() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "pull", "--kernel", "six")).isEqualTo(2);
        assertThat(err.toString()).contains("--kernel");
    }
}
