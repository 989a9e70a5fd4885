package org.lvslab.scenario;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.sched.SchedulerRegistry;

/** Runs whole scenarios on a fresh simulated kernel each (like the lab's fresh namespaces). */
public final class ScenarioRunner {
    private final SchedulerRegistry registry;
    private final Function<IpvsTable, IpvsadmRunner> ipvsadm;
    private final long seed;

    public ScenarioRunner(SchedulerRegistry registry, Function<IpvsTable, IpvsadmRunner> ipvsadm, long seed) {
        this.registry = registry;
        this.ipvsadm = ipvsadm;
        this.seed = seed;
    }

    /** With the real schedulers, the lab's ipvsadm and the default seed. */
    public static ScenarioRunner standard() {
        return new ScenarioRunner(SchedulerRegistry.load(), LabIpvsadm::forTable, ScenarioSession.DEFAULT_SEED);
    }

    public ScenarioRunner withSeed(long s) {
        return new ScenarioRunner(registry, ipvsadm, s);
    }

    public ScenarioRun run(Scenario scenario, KernelProfile profile, boolean explain) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        List<String> problems = new ArrayList<>();
        try (PrintStream out = new PrintStream(buf, false, StandardCharsets.UTF_8)) {
            ScenarioSession s = new ScenarioSession(profile, registry, seed, ipvsadm);
            s.setExplain(explain);
            for (ScenarioLine l : scenario.lines()) {
                LineResult r = s.execute(l, out);
                if (!r.faithful()) {
                    problems.add(scenario.source() + ":" + r.problem().replaceFirst("^line ", ""));
                }
            }
        }
        return new ScenarioRun(buf.toString(StandardCharsets.UTF_8), problems);
    }
}
