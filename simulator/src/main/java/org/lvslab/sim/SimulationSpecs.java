package org.lvslab.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lvslab.reports.RunResult;
import org.lvslab.reports.Totals;
import org.lvslab.reports.metrics.LoadSeries;

/** Facts about run specs and results that commands need before any run (e.g. metric names for objectives). */
public final class SimulationSpecs {
    private SimulationSpecs() {
    }

    /** The summary metric names a run reports (keys of {@link RunResult#summary()}), in order. */
    public static Map<String, Double> metricNames() {
        RunResult empty = new RunResult("x", Map.of(), true, List.of(), new long[0], new LoadSeries(0), List.of(), null,
                new Totals(0, 0, 0, 0, 0, 0, 0));
        return new LinkedHashMap<>(empty.summary());
    }
}
