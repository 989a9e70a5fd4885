package org.lvslab.scenario.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.scenario.ScenarioParser;
import org.lvslab.scenario.ScenarioRunner;

class SuiteTest {
    @TempDir
    Path dir;

    @Test
    void recordingsAreFoundByVersionBesideTheirScenario() throws Exception {
        Files.writeString(dir.resolve("b.lvs"), "ipvsadm -Ln\n");
        Files.writeString(dir.resolve("a.lvs"), "ipvsadm -Ln\n");
        Files.writeString(dir.resolve("a.6.12.117.out"), "x");
        Files.writeString(dir.resolve("a.6.1.170.out"), "x");
        Files.writeString(dir.resolve("a.out"), "loses to a.6.12.117.out");
        List<SuiteCase> cases = Suite.load(dir);
        assertThat(cases).extracting(SuiteCase::name).containsExactly("a", "b");
        assertThat(cases.getFirst().recordings().keySet())
                .containsExactly(KernelVersion.parse("6.1.170"), KernelVersion.parse("6.12.117"));
        assertThat(cases.get(1).recordings()).isEmpty();
        assertThat(cases.get(1).recordingPath(KernelVersion.parse("6.1.192")).getFileName().toString())
                .isEqualTo("b.6.1.192.out");
    }

    @Test
    void aPlainRecordingCountsAsRecordedOnTheKernelTheCallerNames() throws Exception {
        Files.writeString(dir.resolve("k.lvs"), "ipvsadm -Ln\n");
        Files.writeString(dir.resolve("k.out"), "as the kernel lab's examples are stored");
        Files.writeString(dir.resolve("v.lvs"), "ipvsadm -Ln\n");
        Files.writeString(dir.resolve("v.out"), "plain");
        Files.writeString(dir.resolve("v.6.12.117.out"), "versioned");
        List<SuiteCase> byDefault = Suite.load(dir);
        assertThat(byDefault.getFirst().recordings().keySet()).containsExactly(KernelVersion.NEWEST);
        assertThat(Files.readString(byDefault.get(1).recordings().get(KernelVersion.NEWEST))).isEqualTo("versioned");
        KernelVersion v61 = KernelVersion.parse("6.1.192");
        List<SuiteCase> named = Suite.load(dir, v61);
        assertThat(named.getFirst().recordings().keySet()).containsExactly(v61);
        assertThat(named.get(1).recordings().keySet()).containsExactly(v61, KernelVersion.NEWEST);
    }

    @Test
    void simulatorOutcomeIsPassWhenTheRecordingMatchesAndFailWithTheFirstDifferenceOtherwise() throws Exception {
        String scenario = "ipvsadm -A -t 10.0.0.1:80 -s rr\nipvsadm -a -t 10.0.0.1:80 -r 10.1.0.11:80 -m\n"
                + "connect 172.16.1.1:10000 10.0.0.1:80\n";
        Files.writeString(dir.resolve("s.lvs"), scenario);
        Files.writeString(dir.resolve("s.6.12.117.out"), "172.16.1.1:10000 -> 10.1.0.11:80\n");
        Files.writeString(dir.resolve("s.6.1.170.out"), "172.16.1.1:10000 -> 10.1.0.12:80\n");
        SuiteCase c = Suite.load(dir).getFirst();
        ScenarioRunner r = ScenarioRunner.standard();
        assertThat(Conformance.simulate(c, KernelVersion.parse("6.12.117"), r).status()).isEqualTo(Outcome.Status.PASS);
        Outcome bad = Conformance.simulate(c, KernelVersion.parse("6.1.170"), r);
        assertThat(bad.status()).isEqualTo(Outcome.Status.FAIL);
        assertThat(bad.message()).contains("expected: 172.16.1.1:10000 -> 10.1.0.12:80");
        assertThat(Conformance.simulate(c, KernelVersion.parse("6.1.192"), r).status()).isEqualTo(Outcome.Status.NO_RECORDING);
    }

    @Test
    void twosIsComparedStatisticallyOnlyWhereTheKernelHasIt() throws Exception {
        var s = ScenarioParser.parse("t", "t", "ipvsadm -A -t 10.0.0.1:80 -s twos\n");
        assertThat(Conformance.isRandom(s, KernelVersion.parse("6.12.117"))).isTrue();
        assertThat(Conformance.isRandom(s, KernelVersion.parse("6.1.192"))).isFalse();
    }

    @Test
    void passTableCountsAScenarioForEachSchedulerItNames() throws Exception {
        Files.writeString(dir.resolve("s.lvs"), "ipvsadm -A -t 10.0.0.1:80 -s rr\nipvsadm -A -t 10.0.0.2:80 -s sh\n");
        Files.writeString(dir.resolve("s.6.12.117.out"), "");
        SuiteCase c = Suite.load(dir).getFirst();
        var sc = ScenarioParser.parse(c.scenario());
        PassTable t = new PassTable();
        t.add(sc, new Outcome(c, KernelVersion.parse("6.12.117"), Outcome.Status.PASS, false, ""));
        t.add(sc, new Outcome(c, KernelVersion.parse("6.1.170"), Outcome.Status.FAIL, false, ""));
        assertThat(t.markdown()).contains("| rr | 0/1 | 1/1 |").contains("| sh | 0/1 | 1/1 |").doesNotContain("| wlc |");
    }
}
