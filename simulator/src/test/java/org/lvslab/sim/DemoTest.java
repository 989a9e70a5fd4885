package org.lvslab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.reports.ReportWriter;
import org.lvslab.reports.RunResult;
import org.lvslab.sim.demo.Demo;

class DemoTest {
    @TempDir
    Path tmp;

    @Test
    void scaledDownDemoTellsTheWholeStoryAndWritesACompleteReport() throws Exception {
        RunResult r = Simulation.run(Demo.spec(0.05, 1, KernelProfile.newest()));
        // 3 simulated minutes at ~130 connections/s
        assertThat(r.totals().offered()).isBetween(18_000L, 29_000L);
        assertThat(r.servers()).hasSize(9).contains("10.0.1.9:80");
        assertThat(r.events()).extracting(e -> e.label().split(" ")[0]).containsExactly("drain", "fail", "add");
        assertThat(r.totals().failed()).as("connections lost on the failed server").isPositive();
        assertThat(r.latency().count()).isEqualTo(r.totals().scheduled() - r.totals().failed());
        assertThat(r.latency().percentileSeconds(50)).isBetween(0.05, 0.5);
        // the drained server gets nothing after the drain, the new one only after it is added
        int drained = r.servers().indexOf("10.0.1.3:80");
        int added = r.servers().indexOf("10.0.1.9:80");
        assertThat(r.load().weight(r.load().samples() - 1, drained)).isZero();
        assertThat(r.load().weight(0, added)).isZero();
        assertThat(r.connections(added)).isPositive();

        Path index = ReportWriter.write(Reports.simulate(r), tmp);
        String html = Files.readString(index);
        assertThat(html).contains("Summary", "Load per real server over time", "Latency CDF", "Disruption timeline",
                "drain tcp 10.0.0.1:80 10.0.1.3:80");
        for (String f : List.of("summary.json", "data/demo/load.csv", "data/demo/latency.csv", "charts/demo-load.png",
                "charts/latency-cdf.svg", "charts/disruption.svg")) {
            assertThat(tmp.resolve(f)).isNotEmptyFile();
        }
    }
}
