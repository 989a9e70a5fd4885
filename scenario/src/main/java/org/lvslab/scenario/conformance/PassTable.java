package org.lvslab.scenario.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.scenario.Scenario;

/**
 * Outcomes per scheduler and kernel: a scenario counts for every scheduler it names with
 * {@code -s}. Rendered as a Markdown table of {@code passed/compared} cells.
 */
public final class PassTable {
    /** The 14 kernel schedulers, in the order the docs list them. */
    public static final List<String> SCHEDULERS = List.of("rr", "wrr", "lc", "wlc", "sed", "nq", "fo", "ovf",
            "twos", "dh", "sh", "mh", "lblc", "lblcr");

    private final SortedMap<String, SortedMap<KernelVersion, int[]>> cells = new TreeMap<>();
    private final TreeSet<KernelVersion> kernels = new TreeSet<>();
    private final SortedMap<KernelVersion, int[]> totals = new TreeMap<>();

    public void add(Scenario scenario, Outcome o) {
        if (o.status() == Outcome.Status.NO_RECORDING) {
            return;
        }
        kernels.add(o.kernel());
        int[] t = totals.computeIfAbsent(o.kernel(), k -> new int[2]);
        t[1]++;
        if (o.passed()) {
            t[0]++;
        }
        for (String s : SCHEDULERS) {
            if (scenario.usesScheduler(s)) {
                int[] c = cells.computeIfAbsent(s, k -> new TreeMap<>()).computeIfAbsent(o.kernel(), k -> new int[2]);
                c[1]++;
                if (o.passed()) {
                    c[0]++;
                }
            }
        }
    }

    public String markdown() {
        StringBuilder b = new StringBuilder("| scheduler |");
        List<KernelVersion> ks = new ArrayList<>(kernels);
        for (KernelVersion k : ks) {
            b.append(' ').append(k).append(" |");
        }
        b.append("\n|---|");
        ks.forEach(k -> b.append("---|"));
        b.append('\n');
        for (String s : SCHEDULERS) {
            Map<KernelVersion, int[]> row = cells.get(s);
            if (row == null) {
                continue;
            }
            b.append("| ").append(s).append(" |");
            for (KernelVersion k : ks) {
                int[] c = row.get(k);
                b.append(' ').append(c == null ? "–" : c[0] + "/" + c[1]).append(" |");
            }
            b.append('\n');
        }
        b.append("| **all scenarios** |");
        for (KernelVersion k : ks) {
            int[] c = totals.get(k);
            b.append(" **").append(c[0]).append('/').append(c[1]).append("** |");
        }
        return b.append('\n').toString();
    }
}
