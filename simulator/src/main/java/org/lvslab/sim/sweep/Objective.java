package org.lvslab.sim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lvslab.reports.RunResult;
import org.lvslab.reports.io.Fmt;

/**
 * Limits on a run's summary metrics ({@link RunResult#summary()} names), e.g.
 * {@code latency_p99_s<=0.5,balance_mean<=1.3,refused<=0}. A run meets the objective when every
 * limit holds; otherwise its violation is the sum of relative excesses, used to rank failures.
 */
public record Objective(List<Limit> limits) {
    public record Limit(String metric, boolean atMost, double value) {
        boolean holds(double v) {
            if (Double.isNaN(v)) {
                return false;
            }
            return atMost ? v <= value : v >= value;
        }

        double excess(double v) {
            if (Double.isNaN(v)) {
                return 1;
            }
            double scale = Math.max(Math.abs(value), 1e-9);
            return Math.max(0, atMost ? (v - value) / scale : (value - v) / scale);
        }

        @Override
        public String toString() {
            return metric + (atMost ? "<=" : ">=") + Fmt.num(value);
        }
    }

    public Objective {
        limits = List.copyOf(limits);
    }

    public static Objective parse(String text, Map<String, Double> knownMetrics) {
        List<Limit> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int le = p.indexOf("<=");
            int ge = p.indexOf(">=");
            int at = le >= 0 ? le : ge;
            if (at <= 0) {
                throw new IllegalArgumentException("objective \"" + p + "\": expected METRIC<=VALUE or METRIC>=VALUE");
            }
            String metric = p.substring(0, at).strip();
            if (!knownMetrics.containsKey(metric)) {
                throw new IllegalArgumentException("objective \"" + p + "\": unknown metric \"" + metric + "\" (one of "
                        + String.join(", ", knownMetrics.keySet()) + ")");
            }
            double v;
            try {
                v = Double.parseDouble(p.substring(at + 2).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("objective \"" + p + "\": not a number after the comparison");
            }
            out.add(new Limit(metric, le >= 0, v));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("empty objective");
        }
        return new Objective(out);
    }

    public boolean met(RunResult r) {
        Map<String, Double> m = r.summary();
        return limits.stream().allMatch(l -> l.holds(m.get(l.metric())));
    }

    public double violation(RunResult r) {
        Map<String, Double> m = r.summary();
        double s = 0;
        for (Limit l : limits) {
            s += l.excess(m.get(l.metric()));
        }
        return s;
    }

    @Override
    public String toString() {
        return String.join(",", limits.stream().map(Limit::toString).toList());
    }
}
