package org.lvslab.netlink.sync;

import java.util.ArrayList;
import java.util.List;
import org.lvslab.ipvsadm.kernel.IpvsKernel;
import org.lvslab.netlink.socket.Errnos;

/**
 * Applies a {@link Plan} to a kernel, one request at a time. There are no transactions in IPVS
 * (every netlink message is applied on its own), so the executor stops at the first refused
 * operation and reports exactly which operations were applied, which one failed with which errno,
 * and which were not attempted. With rollback it then applies the inverses of the applied
 * operations, newest first, and reports those the same way; a rollback that itself fails stops
 * there and says so.
 */
public final class Executor {
    private Executor() {
    }

    /** One operation that the kernel refused. */
    public record Failure(Step step, int errno) {
        public String describe() {
            return step.op().ipvsadm() + ": " + Errnos.describe(errno);
        }
    }

    /**
     * The outcome: {@code applied} in order; {@code failed} null when everything went through;
     * {@code notAttempted} after the failure; {@code rolledBack} the inverse operations that were
     * applied, {@code rollbackFailure} the first one that was refused (null if none).
     */
    public record Result(List<Step> applied, Failure failure, List<Step> notAttempted, List<Step> rolledBack,
            Failure rollbackFailure) {
        public boolean complete() {
            return failure == null;
        }

        public Step failed() {
            return failure == null ? null : failure.step();
        }

        public int errno() {
            return failure == null ? 0 : failure.errno();
        }

        /** Whether the kernel is back where it started (rollback requested and fully applied). */
        public boolean restored() {
            return failure != null && rollbackFailure == null && rolledBack.size() >= countInverses(applied);
        }

        private static int countInverses(List<Step> steps) {
            int n = 0;
            for (Step s : steps) {
                n += s.op().inverse().size();
            }
            return n;
        }

        /** A report for people: what changed in the kernel and what did not. */
        public String report() {
            StringBuilder sb = new StringBuilder();
            if (failure == null) {
                sb.append("applied all ").append(applied.size()).append(" operation(s)\n");
                return sb.toString();
            }
            sb.append("FAILED: ").append(failure.describe()).append('\n');
            sb.append("applied before the failure (").append(applied.size()).append("):\n");
            for (Step s : applied) {
                sb.append("  ").append(s.op().ipvsadm()).append('\n');
            }
            sb.append("not attempted (").append(notAttempted.size()).append("):\n");
            for (Step s : notAttempted) {
                sb.append("  ").append(s.op().ipvsadm()).append('\n');
            }
            if (!rolledBack.isEmpty() || rollbackFailure != null) {
                sb.append("rolled back (").append(rolledBack.size()).append("):\n");
                for (Step s : rolledBack) {
                    sb.append("  ").append(s.op().ipvsadm()).append('\n');
                }
                if (rollbackFailure != null) {
                    sb.append("ROLLBACK FAILED: ").append(rollbackFailure.describe())
                            .append(" -- the kernel is left partly changed\n");
                } else {
                    sb.append("the kernel's configuration is back to what it was before the push"
                            + " (counters and connections of re-created objects are not)\n");
                }
            } else if (!applied.isEmpty()) {
                sb.append("the kernel is left partly changed: the operations listed as applied are in effect\n");
            } else {
                sb.append("nothing was changed\n");
            }
            return sb.toString();
        }
    }

    public static Result apply(Plan plan, IpvsKernel kernel, boolean rollback) {
        List<Step> applied = new ArrayList<>();
        List<Step> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            int e = s.op().apply(kernel);
            if (e != 0) {
                Failure f = new Failure(s, e);
                List<Step> rest = steps.subList(i + 1, steps.size());
                if (!rollback) {
                    return new Result(applied, f, rest, List.of(), null);
                }
                List<Step> undone = new ArrayList<>();
                for (int j = applied.size() - 1; j >= 0; j--) {
                    for (Operation inv : applied.get(j).op().inverse()) {
                        Step u = new Step(inv, "undo " + applied.get(j).op().ipvsadm());
                        int ue = inv.apply(kernel);
                        if (ue != 0) {
                            return new Result(applied, f, rest, undone, new Failure(u, ue));
                        }
                        undone.add(u);
                    }
                }
                return new Result(applied, f, rest, undone, null);
            }
            applied.add(s);
        }
        return new Result(applied, null, List.of(), List.of(), null);
    }
}
