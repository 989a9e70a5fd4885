package org.lvslab.sim;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small edits of rule sets in {@code ipvsadm -S} form, for compare and sweep. */
public final class RulesText {
    private static final Pattern ADD_SERVICE = Pattern.compile("^\\s*(-A|--add-service)\\b.*");
    private static final Pattern SCHED = Pattern.compile("(\\s)(-s|--scheduler)(\\s+|=)(\\S+)");

    private RulesText() {
    }

    /**
     * The same rules with every service's scheduler replaced by {@code scheduler} (an
     * {@code -s} is added to services that had none).
     */
    public static String withScheduler(String rules, String scheduler) {
        StringBuilder out = new StringBuilder();
        for (String line : rules.split("\n", -1)) {
            if (ADD_SERVICE.matcher(line).matches()) {
                Matcher m = SCHED.matcher(line);
                if (m.find()) {
                    line = line.substring(0, m.start()) + m.group(1) + m.group(2) + m.group(3) + scheduler
                            + line.substring(m.end());
                } else {
                    line = line.stripTrailing() + " -s " + scheduler;
                }
            }
            out.append(line).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }
}
