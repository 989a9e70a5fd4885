package org.lvslab.scenario.conformance;

import java.util.List;

/** Byte-exact comparison of two outputs, reporting the first differing line with context. */
public final class LineDiff {
    /** Lines of context shown before the first difference. */
    public static final int CONTEXT = 3;

    private LineDiff() {
    }

    public static Comparison compare(String expected, String actual) {
        if (expected.equals(actual)) {
            return Comparison.same(false, "");
        }
        List<String> e = lines(expected);
        List<String> a = lines(actual);
        int i = 0;
        while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) {
            i++;
        }
        StringBuilder b = new StringBuilder();
        b.append("first difference at output line ").append(i + 1).append(":\n");
        for (int k = Math.max(0, i - CONTEXT); k < i; k++) {
            b.append("    ").append(show(e.get(k))).append('\n');
        }
        b.append("  expected: ").append(i < e.size() ? show(e.get(i)) : "(end of output)").append('\n');
        b.append("  actual:   ").append(i < a.size() ? show(a.get(i)) : "(end of output)").append('\n');
        if (i >= e.size() && i >= a.size()) {
            // Same lines, different line endings (a final newline missing on one side).
            b.append("  (the outputs differ only in their final newline)\n");
        }
        return Comparison.differs(false, b.toString());
    }

    /** Lines without their terminators; a final newline does not start an empty line. */
    static List<String> lines(String s) {
        if (s.isEmpty()) {
            return List.of();
        }
        List<String> l = new java.util.ArrayList<>(List.of(s.split("\n", -1)));
        if (l.getLast().isEmpty()) {
            l.removeLast();
        }
        return l;
    }

    /** Trailing blanks matter in ipvsadm listings: make them visible. */
    private static String show(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return end == line.length() ? line : line.substring(0, end) + "\u00b7".repeat(line.length() - end);
    }
}
