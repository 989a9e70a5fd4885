package org.lvslab.scenario;

import java.util.List;

/** A parsed scenario: its name (file name without {@code .lvs}), source and lines in order. */
public record Scenario(String name, String source, List<ScenarioLine> lines) {
    public Scenario {
        lines = List.copyOf(lines);
    }

    /** Whether an ipvsadm line names the scheduler ({@code -s NAME}, {@code -sNAME}, {@code --scheduler[=]NAME}). */
    public boolean usesScheduler(String scheduler) {
        for (ScenarioLine l : lines) {
            if (l instanceof ScenarioLine.Ipvsadm a) {
                List<String> args = a.args();
                for (int i = 0; i < args.size(); i++) {
                    String o = args.get(i);
                    String next = i + 1 < args.size() ? args.get(i + 1) : "";
                    if ((o.equals("-s") || o.equals("--scheduler")) && next.equals(scheduler)
                            || o.equals("-s" + scheduler) || o.equals("--scheduler=" + scheduler)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Total simulated time the scenario sleeps, in nanoseconds. */
    public long sleepNanos() {
        long t = 0;
        for (ScenarioLine l : lines) {
            if (l instanceof ScenarioLine.Sleep s) {
                t += s.nanos();
            }
        }
        return t;
    }
}
