package org.lvslab.workloads.accesslog;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A compiled log format: literal text and fields, in order. A field's value runs up to the next
 * literal (skipping backslash-escaped quotes, as Apache writes them), the last field to the end
 * of the line. Two fields with no literal between them are ambiguous and rejected.
 */
final class LogPattern {
    record Segment(String literal, LogField field, String name) {
        boolean isField() {
            return field != null;
        }
    }

    final List<Segment> segments;
    final Set<LogField> fields = EnumSet.noneOf(LogField.class);
    final String dialect;

    LogPattern(String dialect, List<Segment> segs) {
        this.dialect = dialect;
        List<Segment> merged = new ArrayList<>();
        for (Segment s : segs) {
            if (!s.isField() && !merged.isEmpty() && !merged.get(merged.size() - 1).isField()) {
                Segment prev = merged.remove(merged.size() - 1);
                merged.add(new Segment(prev.literal() + s.literal(), null, null));
            } else if (!s.isField() && s.literal().isEmpty()) {
                continue;
            } else {
                merged.add(s);
            }
        }
        for (int i = 1; i < merged.size(); i++) {
            if (merged.get(i).isField() && merged.get(i - 1).isField()) {
                throw new IllegalArgumentException("log format: " + merged.get(i - 1).name() + " and " + merged.get(i).name()
                        + " have nothing between them, so their values cannot be told apart");
            }
        }
        this.segments = List.copyOf(merged);
        for (Segment s : segments) {
            if (s.isField()) {
                fields.add(s.field());
            }
        }
        boolean time = fields.contains(LogField.END_EPOCH) || fields.contains(LogField.END_CLF) || fields.contains(LogField.END_ISO)
                || fields.contains(LogField.START_CLF_BRACKETED) || fields.contains(LogField.START_EPOCH_S)
                || fields.contains(LogField.START_EPOCH_MS) || fields.contains(LogField.START_EPOCH_US);
        if (!time) {
            throw new IllegalArgumentException("log format has no time: nginx needs $msec, $time_local or $time_iso8601; "
                    + "Apache needs %t or %{sec|msec|usec}t");
        }
        if (!fields.contains(LogField.CLIENT)) {
            throw new IllegalArgumentException("log format has no client address: nginx needs $remote_addr, Apache %a or %h");
        }
    }

    /** Upper bound on backtracking steps per line (ambiguous formats on garbage lines stay cheap). */
    private static final int MAX_STEPS = 10_000;

    /**
     * Splits a line into field values ({@code starts/ends} indexed by segment). Returns null on
     * success, else the problem.
     *
     * <p>A field normally ends at the first occurrence of the literal after it. When that split
     * leaves a field with an impossible value (an address with blanks, a port or count that is
     * not a number) or makes the rest of the line fail, the next occurrence is tried, and so on:
     * {@code $remote_addr:$remote_port} needs this for IPv6 clients ({@code ::1:40000}), and a
     * user agent containing the literal after it ({@code "a" "b"}) too.
     */
    String match(String line, int[] starts, int[] ends) {
        int[] budget = {MAX_STEPS};
        if (matchFrom(line, 0, 0, starts, ends, budget)) {
            return null;
        }
        return greedy(line, starts, ends);
    }

    /** Whether some split of the line gives every field a plausible value (no error fallback). */
    boolean fits(String line, int[] starts, int[] ends) {
        return matchFrom(line, 0, 0, starts, ends, new int[] {MAX_STEPS});
    }

    private boolean matchFrom(String line, int seg, int pos, int[] starts, int[] ends, int[] budget) {
        if (--budget[0] < 0) {
            return false;
        }
        int n = segments.size();
        if (seg == n) {
            return pos == line.length();
        }
        Segment s = segments.get(seg);
        if (!s.isField()) {
            return line.startsWith(s.literal(), pos) && matchFrom(line, seg + 1, pos + s.literal().length(), starts, ends, budget);
        }
        starts[seg] = pos;
        if (seg + 1 == n) {
            ends[seg] = line.length();
            return plausible(s.field(), line, pos, line.length());
        }
        String lit = segments.get(seg + 1).literal();
        for (int at = find(line, lit, pos); at >= 0; at = find(line, lit, at + 1)) {
            if (plausible(s.field(), line, pos, at)) {
                ends[seg] = at;
                if (matchFrom(line, seg + 1, at, starts, ends, budget)) {
                    return true;
                }
            }
            if (budget[0] < 0) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether text could be a value of a field: the check that lets {@link #match} choose between
     * several splits. Deliberately loose (the reader reports the exact problem of a bad value).
     */
    static boolean plausible(LogField f, String s, int a, int b) {
        switch (f) {
            case CLIENT, SERVER_ADDR -> {
                if (a == b) {
                    return false;
                }
                for (int i = a; i < b; i++) {
                    char c = s.charAt(i);
                    if (c == ' ' || c == '"' || c == '[' || c == ']' || c == '\t') {
                        return false;
                    }
                }
                return true;
            }
            case CLIENT_PORT, SERVER_PORT, CONNECTION_ID, CONNECTION_REQUESTS, BYTES_IN, BYTES_OUT, BODY_BYTES_OUT -> {
                if (b - a == 1 && s.charAt(a) == '-') {
                    return true;
                }
                for (int i = a; i < b; i++) {
                    char c = s.charAt(i);
                    if (c < '0' || c > '9') {
                        return false;
                    }
                }
                return f == LogField.CLIENT_PORT || b > a;
            }
            case END_EPOCH, START_EPOCH_S, START_EPOCH_MS, START_EPOCH_US, DURATION_S, DURATION_US, DURATION_MS, DURATION_WHOLE_S -> {
                if (b - a == 1 && s.charAt(a) == '-') {
                    return true;
                }
                for (int i = a; i < b; i++) {
                    char c = s.charAt(i);
                    if ((c < '0' || c > '9') && c != '.') {
                        return false;
                    }
                }
                return b > a;
            }
            case END_CLF -> {
                return b - a == 26;
            }
            case START_CLF_BRACKETED -> {
                return b - a == 28;
            }
            case END_ISO -> {
                return b - a == 20 || b - a == 25;
            }
            default -> {
                return true;
            }
        }
    }

    /**
     * The first-occurrence split, used when no split gives plausible values: returns the
     * structural problem, or null with that split in {@code starts/ends} when only a value is bad.
     */
    private String greedy(String line, int[] starts, int[] ends) {
        int pos = 0;
        int n = segments.size();
        for (int i = 0; i < n; i++) {
            Segment s = segments.get(i);
            if (!s.isField()) {
                if (!line.startsWith(s.literal(), pos)) {
                    return "expected \"" + s.literal() + "\" at column " + (pos + 1) + " (line does not match the log format)";
                }
                pos += s.literal().length();
                continue;
            }
            starts[i] = pos;
            if (i + 1 == n) {
                ends[i] = line.length();
                pos = line.length();
            } else {
                String lit = segments.get(i + 1).literal();
                int at = find(line, lit, pos);
                if (at < 0) {
                    return "no \"" + lit + "\" after " + s.name() + " (line does not match the log format)";
                }
                ends[i] = at;
                pos = at;
            }
        }
        if (pos != line.length()) {
            return "unexpected text at column " + (pos + 1) + " after the end of the log format";
        }
        return null; // the split fits but a value is bad: the reader names the field and the value
    }

    private static int find(String line, String lit, int from) {
        int at = line.indexOf(lit, from);
        while (at > 0 && lit.charAt(0) == '"' && escaped(line, at)) {
            at = line.indexOf(lit, at + 1);
        }
        return at;
    }

    private static boolean escaped(String s, int at) {
        int k = 0;
        for (int i = at - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            k++;
        }
        return (k & 1) == 1;
    }

    /** nginx {@code log_format}: {@code $name} or {@code ${name}}. */
    static LogPattern nginx(String format) {
        List<Segment> segs = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '$') {
                lit.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            boolean braced = j < format.length() && format.charAt(j) == '{';
            if (braced) {
                j++;
            }
            int nameStart = j;
            while (j < format.length() && (Character.isLetterOrDigit(format.charAt(j)) || format.charAt(j) == '_')) {
                j++;
            }
            String name = format.substring(nameStart, j);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("log format: '$' without a variable name at column " + (i + 1));
            }
            if (braced) {
                if (j >= format.length() || format.charAt(j) != '}') {
                    throw new IllegalArgumentException("log format: missing '}' after ${" + name);
                }
                j++;
            }
            segs.add(new Segment(lit.toString(), null, null));
            lit.setLength(0);
            segs.add(new Segment(null, nginxField(name), "$" + name));
            i = j;
        }
        segs.add(new Segment(lit.toString(), null, null));
        return new LogPattern("nginx", segs);
    }

    private static LogField nginxField(String n) {
        return switch (n) {
            case "msec" -> LogField.END_EPOCH;
            case "time_local" -> LogField.END_CLF;
            case "time_iso8601" -> LogField.END_ISO;
            case "request_time" -> LogField.DURATION_S;
            case "remote_addr", "realip_remote_addr" -> LogField.CLIENT;
            case "remote_port", "realip_remote_port" -> LogField.CLIENT_PORT;
            case "connection" -> LogField.CONNECTION_ID;
            case "connection_requests" -> LogField.CONNECTION_REQUESTS;
            case "server_addr" -> LogField.SERVER_ADDR;
            case "server_port" -> LogField.SERVER_PORT;
            case "request_length" -> LogField.BYTES_IN;
            case "bytes_sent" -> LogField.BYTES_OUT;
            case "body_bytes_sent" -> LogField.BODY_BYTES_OUT;
            case "upstream_addr" -> LogField.UPSTREAM;
            default -> LogField.OTHER;
        };
    }

    /** Apache {@code LogFormat}: {@code %X}, {@code %>X}, {@code %{arg}X}, {@code %%}. */
    static LogPattern apache(String format) {
        List<Segment> segs = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '%') {
                lit.append(c);
                i++;
                continue;
            }
            int start = i;
            i++;
            if (i < format.length() && format.charAt(i) == '%') {
                lit.append('%');
                i++;
                continue;
            }
            while (i < format.length() && "<>!,0123456789".indexOf(format.charAt(i)) >= 0) {
                i++; // modifiers: original/final request, status conditions
            }
            String arg = null;
            if (i < format.length() && format.charAt(i) == '{') {
                int close = format.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("log format: missing '}' after column " + (i + 1));
                }
                arg = format.substring(i + 1, close);
                i = close + 1;
            }
            if (i >= format.length()) {
                throw new IllegalArgumentException("log format: '%' without a directive at column " + (start + 1));
            }
            char d = format.charAt(i++);
            String name = format.substring(start, i);
            segs.add(new Segment(lit.toString(), null, null));
            lit.setLength(0);
            segs.add(new Segment(null, apacheField(d, arg, name), name));
        }
        segs.add(new Segment(lit.toString(), null, null));
        return new LogPattern("apache", segs);
    }

    private static LogField apacheField(char d, String arg, String name) {
        return switch (d) {
            case 't' -> {
                if (arg == null) {
                    yield LogField.START_CLF_BRACKETED;
                }
                String a = arg.startsWith("begin:") ? arg.substring(6) : arg;
                if (a.startsWith("end:")) {
                    throw new IllegalArgumentException("log format: " + name + " (end time) is not supported; use %t or %{begin:...}t");
                }
                yield switch (a) {
                    case "sec" -> LogField.START_EPOCH_S;
                    case "msec" -> LogField.START_EPOCH_MS;
                    case "usec" -> LogField.START_EPOCH_US;
                    default -> throw new IllegalArgumentException("log format: " + name
                            + " is not supported (use %t, %{sec}t, %{msec}t or %{usec}t)");
                };
            }
            case 'D' -> LogField.DURATION_US;
            case 'T' -> arg == null || arg.equals("s") ? LogField.DURATION_WHOLE_S : switch (arg) {
                case "ms" -> LogField.DURATION_MS;
                case "us" -> LogField.DURATION_US;
                default -> throw new IllegalArgumentException("log format: " + name + " unit must be s, ms or us");
            };
            case 'a' -> arg == null || arg.equals("c") ? LogField.CLIENT : LogField.OTHER;
            case 'h' -> LogField.CLIENT;
            case 'A' -> LogField.SERVER_ADDR;
            case 'p' -> arg == null || arg.equals("canonical") || arg.equals("local") ? LogField.SERVER_PORT
                    : arg.equals("remote") ? LogField.CLIENT_PORT : LogField.OTHER;
            case 'I' -> LogField.BYTES_IN;
            case 'O' -> LogField.BYTES_OUT;
            case 'b', 'B' -> LogField.BODY_BYTES_OUT;
            case 'k' -> LogField.CONNECTION_REQUESTS; // keep-alive requests handled before this one (0 = first)
            default -> LogField.OTHER;
        };
    }
}
