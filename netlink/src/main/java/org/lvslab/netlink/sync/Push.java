package org.lvslab.netlink.sync;

import org.lvslab.ipvsadm.kernel.IpvsKernel;

/**
 * A whole push: read the kernel's current table, plan, apply (unless it is a dry run), then read
 * the table again and check that it now holds the desired configuration.
 */
public final class Push {
    private Push() {
    }

    /**
     * @param plan     what was (or would be) done
     * @param result   null for a dry run
     * @param verified after a complete push: the kernel's table re-read equals the desired one
     *                 (in list order too when exact order was asked for)
     */
    public record Outcome(Plan plan, Executor.Result result, boolean verified) {
        public boolean ok() {
            return result == null || (result.complete() && verified);
        }
    }

    public static Outcome run(IpvsKernel kernel, KernelTable desired, Planner.Options options, boolean dryRun, boolean rollback) {
        KernelTable current = KernelTable.read(kernel, desired.timeouts() != null);
        Plan plan = Planner.plan(current, desired, options);
        if (dryRun) {
            return new Outcome(plan, null, false);
        }
        Executor.Result r = Executor.apply(plan, kernel, rollback);
        boolean verified = false;
        if (r.complete()) {
            KernelTable after = KernelTable.read(kernel, desired.timeouts() != null);
            verified = options.keepUnlisted() ? containsAll(after, desired) : after.sameAs(desired, options.exactOrder());
        }
        return new Outcome(plan, r, verified);
    }

    private static boolean containsAll(KernelTable after, KernelTable desired) {
        for (KernelService s : desired.services()) {
            KernelService a = after.find(s.key());
            if (a == null || !Planner.sameService(a.config(), s.config())) {
                return false;
            }
            for (var d : s.dests()) {
                var ad = a.find(d.address(), d.port());
                if (ad == null || !Planner.sameDest(ad, d)) {
                    return false;
                }
            }
        }
        return true;
    }
}
