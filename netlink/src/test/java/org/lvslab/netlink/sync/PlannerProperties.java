package org.lvslab.netlink.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.ipvsadm.kernel.SimulatedKernel;
import org.lvslab.ipvsadm.state.StateCodec;

/**
 * For random current and desired tables (drawn from small pools so that they overlap), applying
 * the plan to a simulated kernel holding the current table yields the desired one: in list order
 * with exact order, as a set otherwise; and a second plan is empty.
 */
class PlannerProperties {
    private static final String[] VIPS = {"-t 10.0.0.1:80", "-t 10.0.0.2:443", "-u 10.0.0.1:53", "-f 5"};
    private static final String[] SCHED = {"rr", "wrr", "wlc", "sh"};

    record Svc(int vip, int sched, boolean persistent, List<int[]> dests) {
    }

    @Provide
    Arbitrary<List<Svc>> tables() {
        Arbitrary<int[]> dest = Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 2)).as((ip, w, m) -> new int[] {ip, w, m});
        Arbitrary<Svc> svc = Combinators.combine(Arbitraries.integers().between(0, VIPS.length - 1), Arbitraries.integers().between(0, 3),
                Arbitraries.of(true, false), dest.list().ofMaxSize(6).uniqueElements(d -> d[0])).as(Svc::new);
        return svc.list().ofMaxSize(4).uniqueElements(Svc::vip);
    }

    private static String rules(List<Svc> spec) {
        StringBuilder sb = new StringBuilder();
        for (Svc s : spec) {
            String vip = VIPS[s.vip()];
            sb.append("-A ").append(vip).append(" -s ").append(SCHED[s.sched()]).append(s.persistent() ? " -p 60" : "").append('\n');
            for (int[] d : s.dests()) {
                String port = vip.startsWith("-f") ? "80" : vip.substring(vip.lastIndexOf(':') + 1);
                sb.append("-a ").append(vip).append(" -r 10.1.0.").append(d[0]).append(':').append(port)
                        .append(switch (d[2]) {
                            case 0 -> " -m";
                            case 1 -> " -g";
                            default -> " -i";
                        }).append(" -w ").append(d[1]).append('\n');
            }
        }
        return sb.toString();
    }

    private static void check(List<Svc> from, List<Svc> to, Planner.Options options) {
        IpvsTable kernel = from.isEmpty() ? StateCodec.newTable(KernelVersion.NEWEST) : Tables.fromRules(rules(from));
        KernelTable desired = to.isEmpty() ? KernelTable.EMPTY : Tables.table(rules(to));
        SimulatedKernel k = new SimulatedKernel(kernel);
        Plan plan = Planner.plan(KernelTable.read(k, false), desired, options);
        Executor.Result r = Executor.apply(plan, k, false);
        assertThat(r.complete()).as("%s", r.report()).isTrue();
        KernelTable after = KernelTable.read(k, false);
        assertThat(after.sameAs(desired, options.exactOrder() || plan.notes().isEmpty())).as(Tables.script(plan)).isTrue();
        assertThat(Planner.plan(after, desired, options).steps()).isEmpty();
    }

    @Property(tries = 300)
    void exactPlansReproduceTheDesiredTableInListOrder(@ForAll("tables") List<Svc> from, @ForAll("tables") List<Svc> to) {
        check(from, to, Planner.Options.EXACT);
    }

    @Property(tries = 300)
    void defaultPlansReproduceTheDesiredConfigurationAndNoteAnyOrderDifference(@ForAll("tables") List<Svc> from,
            @ForAll("tables") List<Svc> to) {
        check(from, to, Planner.Options.DEFAULT);
    }

    @Property(tries = 200)
    void rollbackAfterAnInjectedFailureRestoresTheStartingConfiguration(@ForAll("tables") List<Svc> from,
            @ForAll("tables") List<Svc> to, @ForAll int failAt) {
        IpvsTable kernel = from.isEmpty() ? StateCodec.newTable(KernelVersion.NEWEST) : Tables.fromRules(rules(from));
        KernelTable desired = to.isEmpty() ? KernelTable.EMPTY : Tables.table(rules(to));
        SimulatedKernel sim = new SimulatedKernel(kernel);
        KernelTable before = KernelTable.read(sim, false);
        Plan plan = Planner.plan(before, desired, Planner.Options.EXACT);
        if (plan.isEmpty()) {
            return;
        }
        FailingKernel k = new FailingKernel(sim, Math.floorMod(failAt, plan.steps().size()));
        Executor.Result r = Executor.apply(plan, k, true);
        assertThat(r.complete()).isFalse();
        assertThat(r.applied().size() + 1 + r.notAttempted().size()).isEqualTo(plan.steps().size());
        assertThat(r.rollbackFailure()).isNull();
        assertThat(KernelTable.read(sim, false).sameAs(before, false)).as(r.report()).isTrue();
    }
}
