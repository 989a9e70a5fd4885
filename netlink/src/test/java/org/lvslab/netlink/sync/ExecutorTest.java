package org.lvslab.netlink.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvsadm.kernel.SimulatedKernel;

class ExecutorTest {
    private static final String WANT = """
            -A -t 10.0.0.1:80 -s rr
            -a -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 1
            -a -t 10.0.0.1:80 -r 10.1.0.2:80 -m -w 1
            """;

    @Test
    void aPartialFailureReportsAppliedFailedAndNotAttemptedOperations() {
        IpvsTable t = Tables.fromRules("-A -u 10.0.0.9:53 -s wlc\n");
        SimulatedKernel sim = new SimulatedKernel(t);
        Plan plan = Planner.plan(KernelTable.read(sim, false), Tables.table(WANT), Planner.Options.DEFAULT);
        Executor.Result r = Executor.apply(plan, new FailingKernel(sim, 2), false);
        assertThat(r.complete()).isFalse();
        assertThat(r.failed().op().ipvsadm()).isEqualTo("-a -t 10.0.0.1:80 -r 10.1.0.2:80 -m -w 1");
        assertThat(r.report()).isEqualTo("""
                FAILED: -a -t 10.0.0.1:80 -r 10.1.0.2:80 -m -w 1: ENOMEM (Cannot allocate memory)
                applied before the failure (2):
                  -A -t 10.0.0.1:80 -s rr
                  -a -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 1
                not attempted (1):
                  -D -u 10.0.0.9:53
                the kernel is left partly changed: the operations listed as applied are in effect
                """);
        assertThat(t.services()).as("what the report says is what the kernel holds").hasSize(2);
    }

    @Test
    void rollbackUndoesTheAppliedOperationsNewestFirst() {
        IpvsTable t = Tables.fromRules("-A -u 10.0.0.9:53 -s wlc\n");
        SimulatedKernel sim = new SimulatedKernel(t);
        Plan plan = Planner.plan(KernelTable.read(sim, false), Tables.table(WANT), Planner.Options.DEFAULT);
        Executor.Result r = Executor.apply(plan, new FailingKernel(sim, 2), true);
        assertThat(r.rolledBack()).extracting(s -> s.op().ipvsadm())
                .containsExactly("-d -t 10.0.0.1:80 -r 10.1.0.1:80", "-D -t 10.0.0.1:80");
        assertThat(r.restored()).isTrue();
        assertThat(r.report()).contains("back to what it was before the push");
        assertThat(KernelTable.read(sim, false).sameAs(Tables.table("-A -u 10.0.0.9:53 -s wlc\n"), true)).isTrue();
    }

    @Test
    void aFailingRollbackSaysTheKernelIsLeftPartlyChanged() {
        SimulatedKernel sim = new SimulatedKernel(Tables.fromRules("-A -u 10.0.0.9:53 -s wlc\n"));
        Plan plan = Planner.plan(KernelTable.read(sim, false), Tables.table(WANT), Planner.Options.DEFAULT);
        // the outer one refuses the 3rd request (the push's last add); the inner one, which never saw
        // that request, refuses its 4th: the second undo
        FailingKernel twice = new FailingKernel(new FailingKernel(sim, 3), 2);
        Executor.Result r = Executor.apply(plan, twice, true);
        assertThat(r.rollbackFailure()).isNotNull();
        assertThat(r.restored()).isFalse();
        assertThat(r.report()).contains("rolled back (1):\n  -d -t 10.0.0.1:80 -r 10.1.0.1:80\nROLLBACK FAILED: -D -t 10.0.0.1:80: ENOMEM").contains("left partly changed");
    }
}
