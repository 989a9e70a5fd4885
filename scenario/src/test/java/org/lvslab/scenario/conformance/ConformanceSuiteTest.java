package org.lvslab.scenario.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.kernellab.KernelPackages;
import org.lvslab.scenario.ScenarioRunner;

/**
 * The conformance suite ({@code conformance/} at the repository root) on the simulator: every
 * scenario, for every kernel it was recorded on, must print exactly what the real kernel printed
 * (statistically the same for twos).
 */
class ConformanceSuiteTest {
    /** Maven runs tests in the module directory; the suite lives beside the modules. */
    static final Path SUITE = Path.of("..", "conformance");

    @TestFactory
    Stream<DynamicTest> everyRecordingIsReproducedBySimulator() throws IOException {
        ScenarioRunner runner = ScenarioRunner.standard();
        List<DynamicTest> tests = new ArrayList<>();
        for (SuiteCase c : Suite.load(SUITE)) {
            for (KernelVersion v : c.recordings().keySet()) {
                tests.add(DynamicTest.dynamicTest(c.name() + " on " + v, () -> {
                    Outcome o = Conformance.simulate(c, v, runner);
                    assertThat(o.status()).as("%s on %s:%n%s", c.name(), v, o.message()).isEqualTo(Outcome.Status.PASS);
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void suiteHasAtLeastFortyScenariosEachRecordedOnTheFourReferenceKernels() throws IOException {
        List<SuiteCase> cases = Suite.load(SUITE);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        for (SuiteCase c : cases) {
            assertThat(c.recordings().keySet()).as(c.name()).containsAll(KernelPackages.suiteKernels());
        }
    }

    @Test
    void suiteCoversEveryKernelScheduler() throws Exception {
        List<String> used = new ArrayList<>();
        for (SuiteCase c : Suite.load(SUITE)) {
            var s = org.lvslab.scenario.ScenarioParser.parse(c.scenario());
            for (String sched : PassTable.SCHEDULERS) {
                if (s.usesScheduler(sched) && !used.contains(sched)) {
                    used.add(sched);
                }
            }
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(PassTable.SCHEDULERS);
        assertThat(Files.isDirectory(SUITE)).isTrue();
    }
}
