package org.lvslab.scenario;

import java.util.List;

/**
 * The result of running a whole scenario: its output (exactly the format's) and the problems
 * of lines that could not be executed faithfully (then the exit status is 3, as in the lab).
 */
public record ScenarioRun(String output, List<String> problems) {
    public ScenarioRun {
        problems = List.copyOf(problems);
    }

    public boolean faithful() {
        return problems.isEmpty();
    }

    /** Exit status of the runner: 0, or 3 when some line was not executed faithfully. */
    public int exitStatus() {
        return faithful() ? 0 : 3;
    }
}
