package org.lvslab.workloads;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad-record policy in action, plus counters of input a reader deliberately ignored (for
 * example a conntrack DESTROY whose NEW came before the capture started). Readers report through
 * {@link #bad}; with {@link OnError#STOP} that throws, with {@link OnError#SKIP} it counts.
 */
public final class ReadReport {
    /** How many skip messages are kept verbatim. */
    public static final int KEPT_MESSAGES = 10;

    private final String source;
    private final OnError policy;
    private long skipped;
    private final List<String> firstSkips = new ArrayList<>();
    private final Map<String, Long> notes = new LinkedHashMap<>();

    public ReadReport(String source, OnError policy) {
        this.source = source;
        this.policy = policy;
    }

    public String source() { return source; }
    public OnError policy() { return policy; }

    /** A bad record at a line: throws under STOP, counts under SKIP. */
    public void badLine(long line, String problem) throws TraceFormatException {
        bad(TraceFormatException.atLine(source, line, problem));
    }

    /** A bad record at a byte offset: throws under STOP, counts under SKIP. */
    public void badByte(long offset, String problem) throws TraceFormatException {
        bad(TraceFormatException.atByte(source, offset, problem));
    }

    public void bad(TraceFormatException e) throws TraceFormatException {
        if (policy == OnError.STOP) {
            throw e;
        }
        skipped++;
        if (firstSkips.size() < KEPT_MESSAGES) {
            firstSkips.add(e.getMessage());
        }
    }

    /** Counts deliberately ignored input under a reason (shown by {@code trace stats/convert}). */
    public void note(String reason) {
        notes.merge(reason, 1L, Long::sum);
    }

    public void note(String reason, long n) {
        if (n != 0) {
            notes.merge(reason, n, Long::sum);
        }
    }

    public long skipped() { return skipped; }
    public List<String> firstSkips() { return Collections.unmodifiableList(firstSkips); }
    /** Reason → count, in first-seen order. */
    public Map<String, Long> notes() { return Collections.unmodifiableMap(notes); }

    /** Human-readable lines, empty when nothing was skipped or noted. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        if (skipped > 0) {
            out.add(source + ": skipped " + skipped + " bad record" + (skipped == 1 ? "" : "s")
                    + (skipped > firstSkips.size() ? " (first " + firstSkips.size() + " shown)" : ""));
            for (String s : firstSkips) {
                out.add("  " + s);
            }
        }
        notes.forEach((k, v) -> out.add(source + ": " + k + ": " + v));
        return out;
    }
}
