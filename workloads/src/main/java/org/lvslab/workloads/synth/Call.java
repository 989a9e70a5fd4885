package org.lvslab.workloads.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lvslab.workloads.TimeText;

/**
 * One spec value: {@code name} or {@code name(arg, key=value, ...)}. Arguments keep their order
 * (a rate table's keys are times). Every named argument must be consumed, so a misspelt one is an
 * error rather than silently ignored.
 */
final class Call {
    record Arg(String key, String value) {
    }

    final String key;
    final String name;
    final List<Arg> args = new ArrayList<>();
    private final boolean[] used;

    private Call(String key, String name, List<Arg> a) {
        this.key = key;
        this.name = name;
        this.args.addAll(a);
        this.used = new boolean[a.size()];
    }

    static Call parse(String key, String text) {
        String t = text.trim();
        int open = t.indexOf('(');
        if (open < 0) {
            return new Call(key, t.toLowerCase(Locale.ROOT), List.of());
        }
        if (!t.endsWith(")")) {
            throw new IllegalArgumentException(key + ": missing ')' in \"" + text + "\"");
        }
        String name = t.substring(0, open).trim().toLowerCase(Locale.ROOT);
        String inner = t.substring(open + 1, t.length() - 1).trim();
        List<Arg> a = new ArrayList<>();
        if (!inner.isEmpty()) {
            for (String part : inner.split(",")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    throw new IllegalArgumentException(key + ": empty argument in \"" + text + "\"");
                }
                int eq = p.indexOf('=');
                a.add(eq < 0 ? new Arg(null, p) : new Arg(p.substring(0, eq).trim().toLowerCase(Locale.ROOT), p.substring(eq + 1).trim()));
            }
        }
        return new Call(key, name, a);
    }

    String what() {
        return key + "=" + name;
    }

    String positional(int index, String fallback) {
        int seen = 0;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).key() == null) {
                if (seen++ == index) {
                    used[i] = true;
                    return args.get(i).value();
                }
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException(what() + ": missing argument " + (index + 1));
        }
        return fallback;
    }

    String named(String k, String fallback) {
        for (int i = 0; i < args.size(); i++) {
            if (k.equals(args.get(i).key())) {
                used[i] = true;
                return args.get(i).value();
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException(what() + ": missing " + k + "=...");
        }
        return fallback;
    }

    /** A named argument, or the first positional one if the name is absent. */
    String namedOrFirst(String k, String fallback) {
        for (int i = 0; i < args.size(); i++) {
            if (k.equals(args.get(i).key())) {
                used[i] = true;
                return args.get(i).value();
            }
        }
        return positional(0, fallback);
    }

    double number(String k, String fallback) {
        String v = named(k, fallback);
        return toNumber(k, v);
    }

    double toNumber(String k, String v) {
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what() + ": " + k + " is not a number: \"" + v + "\"");
        }
    }

    long timeNs(String k, String fallback) {
        String v = named(k, fallback);
        return toTime(k, v);
    }

    long toTime(String k, String v) {
        long ns = TimeText.tryParseNs(v);
        if (ns < 0) {
            throw new IllegalArgumentException(what() + ": " + k + " is not a duration (e.g. 30s, 250ms): \"" + v + "\"");
        }
        return ns;
    }

    void markAllUsed() {
        java.util.Arrays.fill(used, true);
    }

    void requireAllUsed() {
        for (int i = 0; i < args.size(); i++) {
            if (!used[i]) {
                Arg a = args.get(i);
                throw new IllegalArgumentException(what() + ": unexpected argument \""
                        + (a.key() == null ? a.value() : a.key() + "=" + a.value()) + "\"");
            }
        }
    }
}
