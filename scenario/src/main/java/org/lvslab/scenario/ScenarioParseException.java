package org.lvslab.scenario;

import java.util.List;

/**
 * A scenario that does not parse. {@link #problems()} has one entry per bad line, each
 * {@code FILE:LINE: PROBLEM: TEXT}, in file order; the message joins them with newlines.
 */
public final class ScenarioParseException extends Exception {
    private final List<String> problems;

    public ScenarioParseException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
