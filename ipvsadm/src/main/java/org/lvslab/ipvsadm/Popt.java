package org.lvslab.ipvsadm;

import java.util.ArrayList;
import java.util.List;

/**
 * The option scanner ipvsadm gets from popt 1.19, reduced to the features ipvsadm's table uses:
 * short-option clusters ({@code -Ln}; an argument takes the rest of the cluster, one leading
 * {@code =} skipped, else the next word even if it starts with {@code -}), long options
 * {@code --name value} and {@code --name=value} without abbreviation, an optional argument that
 * only takes a next word not starting with {@code -}, {@code --} ending options, and plain words
 * collected as leftovers wherever they stand. Error codes and texts are popt's.
 */
final class Popt {
    static final int END = -1;
    static final int ERROR_NOARG = -10;
    static final int ERROR_BADOPT = -11;
    static final int ERROR_UNWANTEDARG = -12;

    enum Arg { NONE, REQUIRED, OPTIONAL }

    record Option(String longName, char shortName, Arg arg, int val) {
    }

    private final List<Option> table;
    private final List<String> argv;
    private int next = 1;           // argv[0] is the program name
    private String cluster;         // rest of a short-option cluster, or null
    private boolean restLeftover;
    private final List<String> leftovers = new ArrayList<>();
    private int nextLeftover;
    private String optArg;

    Popt(List<Option> table, List<String> argv) {
        this.table = table;
        this.argv = argv;
    }

    /** The option argument of the option last returned (null when absent). */
    String optArg() {
        return optArg;
    }

    /** popt's {@code poptBadOption}: the argv word last consumed. */
    String badOption() {
        return next > 0 && next - 1 < argv.size() ? argv.get(next - 1) : null;
    }

    /** The next plain word, or null. */
    String nextLeftover() {
        return nextLeftover < leftovers.size() ? leftovers.get(nextLeftover++) : null;
    }

    static String strerror(int code) {
        return switch (code) {
            case ERROR_NOARG -> "missing argument";
            case ERROR_UNWANTEDARG -> "option does not take an argument";
            case ERROR_BADOPT -> "unknown option";
            default -> "unknown error";
        };
    }

    /** The next option's value, {@link #END}, or a negative error code. */
    int nextOpt() {
        while (true) {
            Option opt = null;
            String longArg = null;
            if (cluster == null) {
                if (next >= argv.size()) {
                    return END;
                }
                String word = argv.get(next++);
                if (restLeftover || word.isEmpty() || word.charAt(0) != '-' || word.length() == 1) {
                    leftovers.add(word);
                    continue;
                }
                if (word.equals("--")) {
                    restLeftover = true;
                    continue;
                }
                if (word.charAt(1) == '-') {
                    String name = word.substring(2);
                    int eq = name.indexOf('=');
                    if (eq >= 0) {
                        longArg = name.substring(eq + 1);
                        name = name.substring(0, eq);
                    }
                    opt = findLong(name);
                    if (opt == null) {
                        return ERROR_BADOPT;
                    }
                } else {
                    cluster = word.substring(1); // single dash: never a long option in this table
                }
            }
            if (opt == null) {
                char c = cluster.charAt(0);
                cluster = cluster.length() > 1 ? cluster.substring(1) : null;
                opt = findShort(c);
                if (opt == null) {
                    return ERROR_BADOPT;
                }
            }
            if (opt.arg() == Arg.NONE) {
                if (longArg != null || (cluster != null && cluster.charAt(0) == '=')) {
                    return ERROR_UNWANTEDARG;
                }
                optArg = null;
            } else if (longArg != null) {
                optArg = longArg;
            } else if (cluster != null) {
                optArg = cluster.charAt(0) == '=' ? cluster.substring(1) : cluster;
                cluster = null;
            } else if (next >= argv.size()) {
                if (opt.arg() != Arg.OPTIONAL) {
                    return ERROR_NOARG;
                }
                optArg = null;
            } else if (opt.arg() == Arg.OPTIONAL && argv.get(next).startsWith("-")) {
                optArg = null;
            } else {
                optArg = argv.get(next++);
            }
            return opt.val();
        }
    }

    private Option findLong(String name) {
        for (Option o : table) {
            if (o.longName() != null && o.longName().equals(name)) {
                return o;
            }
        }
        return null;
    }

    private Option findShort(char c) {
        for (Option o : table) {
            if (o.shortName() != 0 && o.shortName() == c) {
                return o;
            }
        }
        return null;
    }
}
