package org.lvslab.scenario.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statistical comparison for scenarios whose decisions are random (the twos scheduler draws
 * from the kernel's PRNG, so no two runs agree line by line):
 * <ol>
 * <li>the outputs must have the same shape: the same lines once every decision's target and the
 *     ActiveConn/InActConn columns of listing rows are blanked out;</li>
 * <li>each service block of a listing must have the same ActiveConn and InActConn totals (the
 *     number of connections does not depend on where they went);</li>
 * <li>the number of decisions per target (each real server, and {@code none}) must agree within
 *     {@code 4·sqrt(n·p·(1−p)) + 2}, n = number of decisions, p = the pooled share of that
 *     target — four standard deviations of a binomial count, plus 2 for small n.</li>
 * </ol>
 */
public final class DistributionCheck {
    private static final Pattern DECISION = Pattern.compile("(\\S+) -> (\\S+)");
    // "  -> 10.1.0.11:80                 Masq    1      7          0         "
    private static final Pattern DEST_ROW = Pattern.compile("(  -> \\S+\\s+\\S+\\s+\\d+\\s+)(\\d+)(\\s+)(\\d+)(\\s*)");

    private DistributionCheck() {
    }

    public static Comparison compare(String expected, String actual) {
        Parsed e = parse(expected);
        Parsed a = parse(actual);
        Comparison shape = LineDiff.compare(String.join("\n", e.shape), String.join("\n", a.shape));
        if (!shape.identical()) {
            return Comparison.differs(true, "outputs differ in shape (decision targets and counters blanked), "
                    + shape.detail());
        }
        if (!e.blockTotals.equals(a.blockTotals)) {
            return Comparison.differs(true, "listing totals (ActiveConn/InActConn per service) differ: expected "
                    + e.blockTotals + ", actual " + a.blockTotals + "\n");
        }
        int n = e.decisions;
        StringBuilder note = new StringBuilder();
        TreeSet<String> targets = new TreeSet<>(e.counts.keySet());
        targets.addAll(a.counts.keySet());
        for (String t : targets) {
            int r = e.counts.getOrDefault(t, 0);
            int s = a.counts.getOrDefault(t, 0);
            double p = (r + s) / (2.0 * Math.max(n, 1));
            double tol = 4 * Math.sqrt(n * p * (1 - p)) + 2;
            note.append(String.format("  %-22s expected %4d actual %4d (tolerance %.1f)%n", t, r, s, tol));
            if (Math.abs(r - s) > tol) {
                return Comparison.differs(true, "decision distribution out of tolerance for " + t + ":\n" + note);
            }
        }
        return Comparison.same(true, note.toString());
    }

    private record Parsed(List<String> shape, Map<String, Integer> counts, int decisions, List<String> blockTotals) {
    }

    private static Parsed parse(String out) {
        List<String> shape = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        List<String> totals = new ArrayList<>();
        int decisions = 0;
        long act = 0;
        long inact = 0;
        boolean inBlock = false;
        for (String line : LineDiff.lines(out)) {
            Matcher d = DECISION.matcher(line);
            Matcher r = DEST_ROW.matcher(line);
            if (r.matches()) {
                act += Long.parseLong(r.group(2));
                inact += Long.parseLong(r.group(4));
                inBlock = true;
                shape.add(r.group(1) + "#" + r.group(3) + "#");
                continue;
            }
            if (inBlock) {
                totals.add(act + "/" + inact);
                act = 0;
                inact = 0;
                inBlock = false;
            }
            if (d.matches() && !line.startsWith(" ")) {
                decisions++;
                counts.merge(d.group(2), 1, Integer::sum);
                shape.add(d.group(1) + " -> #");
            } else {
                shape.add(line);
            }
        }
        if (inBlock) {
            totals.add(act + "/" + inact);
        }
        return new Parsed(shape, counts, decisions, totals);
    }
}
