package org.lvslab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvslab.reports.html.HeadlessChromium;
import picocli.CommandLine;

class SimulateCommandTest {
    @TempDir
    Path tmp;

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(Object command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cl = new CommandLine(command);
        cl.parseArgs(args);
        SimulateCommand.Inputs in = switch (command) {
            case SimulateCommand s -> s.in;
            case CompareCommand c -> c.in;
            case SweepCommand w -> w.in;
            default -> throw new IllegalArgumentException();
        };
        in.stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        in.stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = cl.getExecutionStrategy().execute(cl.getParseResult());
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void demoWritesACompleteReportThatRendersInChromium() throws Exception {
        Path out = tmp.resolve("report");
        Outcome o = run(new SimulateCommand(), "--scale", "0.02", "--out", out.toString());
        assertThat(o.status()).as(o.err()).isZero();
        assertThat(o.out()).contains("demo: ", "latency p50", "report: ");
        assertThat(files(out)).extracting(p -> out.relativize(p).toString().replace('\\', '/'))
                .contains("index.html", "summary.json", "summary.csv", "data/demo/load.csv", "data/demo/servers.csv",
                        "data/demo/fairness.csv", "data/demo/events.csv", "data/demo/latency.csv", "charts/demo-load.png",
                        "charts/demo-load.svg", "charts/latency-cdf.svg", "charts/fairness.png", "charts/disruption.svg");
        Path chromium = HeadlessChromium.find();
        assumeTrue(chromium != null, "chromium not installed (apt-get install chromium)");
        String dom = HeadlessChromium.imageCheck(chromium, out.resolve("index.html"), tmp.resolve("profile"));
        assertThat(dom).contains("data-images=\"5\"", "data-broken=\"0\"");
    }

    @Test
    void sameSeedGivesByteIdenticalReports() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(run(new SimulateCommand(), "--scale", "0.01", "--quiet", "--out", a.toString()).status()).isZero();
        assertThat(run(new SimulateCommand(), "--scale", "0.01", "--quiet", "--out", b.toString()).status()).isZero();
        for (Path f : files(a)) {
            assertThat(Files.readAllBytes(b.resolve(a.relativize(f)))).as(a.relativize(f).toString()).isEqualTo(Files.readAllBytes(f));
        }
        Path c = tmp.resolve("c");
        assertThat(run(new SimulateCommand(), "--scale", "0.01", "--quiet", "--seed", "2", "--out", c.toString()).status()).isZero();
        assertThat(Files.readString(c.resolve("summary.csv"))).isNotEqualTo(Files.readString(a.resolve("summary.csv")));
    }

    @Test
    void compareOnTwoThreadCountsGivesTheSameBytes() throws Exception {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        assertThat(run(new CompareCommand(), "--scale", "0.01", "--schedulers", "wlc,mh,rr", "--threads", "1", "--quiet",
                "--out", one.toString()).status()).isZero();
        assertThat(run(new CompareCommand(), "--scale", "0.01", "--schedulers", "wlc,mh,rr", "--threads", "3", "--quiet",
                "--out", two.toString()).status()).isZero();
        List<Path> f1 = files(one);
        assertThat(f1).extracting(p -> one.relativize(p).toString().replace('\\', '/'))
                .contains("data/wlc/load.csv", "data/mh/load.csv", "data/rr/load.csv", "data/ranking.csv");
        for (Path f : f1) {
            assertThat(Files.readAllBytes(two.resolve(one.relativize(f)))).as(one.relativize(f).toString()).isEqualTo(Files.readAllBytes(f));
        }
    }

    @Test
    void sweepWritesTheWinnerAsIpvsadmAndKeepalived() throws Exception {
        Path rules = tmp.resolve("one.rules");
        Files.writeString(rules, "-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 1\n");
        Path out = tmp.resolve("sweep");
        Outcome o = run(new SweepCommand(), "--rules", rules.toString(), "--workload",
                "length=600s arrivals=poisson(rate=15) durations=exp(mean=100ms) clients=uniform(172.16.0.0/12) service=tcp(10.0.0.1:80,weight=1)",
                "--capacity", "1", "--discipline", "fifo", "--schedulers", "mh", "--counts", "2,3,4", "--weights", "rules",
                "--objective", "latency_mean_s<=0.25", "--out", out.toString());
        assertThat(o.status()).as(o.err()).isZero();
        assertThat(o.out()).contains("winner: mh n=3 w=rules");
        assertThat(Files.readString(out.resolve("winner.ipvsadm"))).contains("-a -t 10.0.0.1:80 -r 10.0.1.3:80 -m -w 1")
                .doesNotContain("10.0.1.4");
        assertThat(Files.readString(out.resolve("winner-keepalived.conf"))).contains("lb_algo mh", "real_server 10.0.1.3 80");
    }

    @Test
    void badInputsGiveAClearErrorAndStatusTwo() throws Exception {
        Outcome missing = run(new SimulateCommand(), "--rules", tmp.resolve("nope.rules").toString(), "--workload", "count=1");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.rules: no such file");

        Path rules = tmp.resolve("bad.rules");
        Files.writeString(rules, "-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.0.1.1:80 -w x\n");
        Outcome bad = run(new SimulateCommand(), "--rules", rules.toString(), "--workload", "count=1", "--out", tmp.resolve("o").toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("bad.rules:2: ipvsadm -R rejects");

        Outcome both = run(new SimulateCommand(), "--rules", rules.toString());
        assertThat(both.err()).contains("give exactly one of --workload SPEC and --trace FILE");
    }
}
