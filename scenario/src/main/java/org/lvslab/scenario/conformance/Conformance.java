package org.lvslab.scenario.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.scenario.Scenario;
import org.lvslab.scenario.ScenarioParseException;
import org.lvslab.scenario.ScenarioParser;
import org.lvslab.scenario.ScenarioRun;
import org.lvslab.scenario.ScenarioRunner;

/** Compares outputs with recordings, choosing the comparison a scenario needs. */
public final class Conformance {
    private Conformance() {
    }

    /** Whether the decisions of {@code scenario} on {@code version} are random (twos exists there). */
    public static boolean isRandom(Scenario scenario, KernelVersion version) {
        return scenario.usesScheduler("twos") && KernelProfile.of(version).hasTwos();
    }

    public static Comparison compare(Scenario scenario, KernelVersion version, String expected, String actual) {
        return isRandom(scenario, version) ? DistributionCheck.compare(expected, actual) : LineDiff.compare(expected, actual);
    }

    /** Runs {@code c} on the simulator as {@code version} and compares it with its recording. */
    public static Outcome simulate(SuiteCase c, KernelVersion version, ScenarioRunner runner) {
        if (!c.hasRecording(version)) {
            return new Outcome(c, version, Outcome.Status.NO_RECORDING, false, "no " + c.recordingPath(version).getFileName());
        }
        Scenario s;
        String expected;
        try {
            s = ScenarioParser.parse(c.scenario());
            expected = Files.readString(c.recordings().get(version), StandardCharsets.UTF_8);
        } catch (ScenarioParseException e) {
            return new Outcome(c, version, Outcome.Status.ERROR, false, e.getMessage());
        } catch (IOException e) {
            return new Outcome(c, version, Outcome.Status.ERROR, false, e.toString());
        }
        ScenarioRun run;
        try {
            run = runner.run(s, KernelProfile.of(version), false);
        } catch (RuntimeException e) {
            return new Outcome(c, version, Outcome.Status.ERROR, false, "simulator failed: " + e);
        }
        if (!run.faithful()) {
            return new Outcome(c, version, Outcome.Status.ERROR, false, String.join("\n", run.problems()));
        }
        return judge(c, s, version, expected, run.output());
    }

    /** The outcome of comparing {@code actual} with the recording {@code expected}. */
    public static Outcome judge(SuiteCase c, Scenario s, KernelVersion version, String expected, String actual) {
        Comparison cmp = compare(s, version, expected, actual);
        return new Outcome(c, version, cmp.identical() ? Outcome.Status.PASS : Outcome.Status.FAIL,
                cmp.statistical(), cmp.detail());
    }
}
