package org.lvslab.sim;

import java.util.ArrayList;
import java.util.List;
import org.lvslab.reports.Report;
import org.lvslab.reports.RunResult;
import org.lvslab.reports.Table;

/** Builds the {@link Report}s of the simulate, compare and sweep commands. */
public final class Reports {
    private Reports() {
    }

    public static Report simulate(RunResult run) {
        return new Report("lvslab simulate — " + run.label(), describe(run), List.of(run), List.of(), List.of());
    }

    public static Report compare(List<RunResult> runs) {
        List<String> d = new ArrayList<>();
        d.add("The same input through " + runs.size() + " configurations: "
                + String.join(", ", runs.stream().map(RunResult::label).toList()) + ".");
        d.addAll(describe(runs.get(0)));
        return new Report("lvslab compare", d, runs, List.of(), List.of());
    }

    public static Report sweep(List<String> description, List<RunResult> shown, Table ranking, List<Report.ExtraFile> files) {
        return new Report("lvslab sweep", description, shown, List.of(ranking), files);
    }

    private static List<String> describe(RunResult run) {
        List<String> d = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (var e : run.inputs().entrySet()) {
            if (!b.isEmpty()) {
                b.append("; ");
            }
            b.append(e.getKey()).append(": ").append(e.getValue());
        }
        d.add(b.toString());
        return d;
    }
}
