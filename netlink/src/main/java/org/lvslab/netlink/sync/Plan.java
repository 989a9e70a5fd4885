package org.lvslab.netlink.sync;

import java.util.List;

/**
 * What a push will do: the steps in the order they are applied, and notes about differences the
 * plan deliberately leaves alone (e.g. a real-server list order that only a delete and re-add
 * could change).
 */
public record Plan(List<Step> steps, List<String> notes) {
    public Plan {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The plan as a shell script of ipvsadm commands ({@code program} is "ipvsadm" or a path). */
    public String asIpvsadmScript(String program) {
        StringBuilder sb = new StringBuilder();
        for (String n : notes) {
            sb.append("# note: ").append(n).append('\n');
        }
        for (Step s : steps) {
            if (!s.why().isEmpty()) {
                sb.append("# ").append(s.why()).append('\n');
            }
            sb.append(program).append(' ').append(s.op().ipvsadm()).append('\n');
        }
        return sb.toString();
    }
}
