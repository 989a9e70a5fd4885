package org.lvslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TraceCommandTest {
    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cl = new CommandLine(new TraceCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void generateThenConvertGivesOneHeaderAndOneLinePerConnection() throws Exception {
        Path gen = dir.resolve("g.csv");
        assertThat(run("generate", "seed=1 count=50 arrivals=poisson(rate=10)", gen.toString())).isZero();
        Path conv = dir.resolve("c.csv");
        assertThat(run("convert", gen.toString(), conv.toString())).isZero();
        assertThat(Files.readAllLines(conv)).hasSize(51).first().asString().startsWith("# lvslab-trace v1 ");
        assertThat(run("stats", conv.toString())).isZero();
        assertThat(out.toString()).contains("connections      50");
    }

    @Test
    void badInputExitsOneNamingTheLineAndLeavesNoOutput() throws Exception {
        Path gen = dir.resolve("g.csv");
        run("generate", "seed=1 count=3 arrivals=poisson(rate=10)", gen.toString());
        Files.writeString(gen, Files.readString(gen) + "oops\n");
        Path conv = dir.resolve("c.csv");
        assertThat(run("convert", gen.toString(), conv.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("g.csv:5: 1 fields, expected 14");
        assertThat(conv).doesNotExist();
        assertThat(dir.resolve("c.csv.part")).doesNotExist();
        assertThat(run("convert", "--on-error", "skip", gen.toString(), conv.toString())).isZero();
        assertThat(Files.readAllLines(conv)).hasSize(4);
        assertThat(err.toString()).contains("skipped 1 bad record");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("convert", "--on-error", "maybe", "a", "b")).isEqualTo(2);
        assertThat(run("generate", "count=1 arrivals=poison(rate=1)", dir.resolve("x.csv").toString())).isEqualTo(2);
        assertThat(run("stats")).isEqualTo(2);
    }
}
