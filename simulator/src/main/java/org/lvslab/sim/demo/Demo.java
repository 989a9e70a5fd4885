package org.lvslab.sim.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.sim.Mode;
import org.lvslab.sim.ServerPlan;
import org.lvslab.sim.SimulationSpec;
import org.lvslab.sim.Workloads;
import org.lvslab.workloads.AdminEvent;
import org.lvslab.workloads.AdminTimeline;
import org.lvslab.workloads.TraceFormatException;

/**
 * The demo scenario. At scale 1 it simulates one hour (about 470,000 connections); a smaller
 * scale shortens the run and its timeline in proportion, keeping the rates, so tests can run the
 * same story in seconds.
 */
public final class Demo {
    /** Simulated length at scale 1. */
    public static final long LENGTH_NS = 3_600_000_000_000L;

    private Demo() {
    }

    public static String rules() {
        return resource("rules.ipvsadm");
    }

    public static String workloadTemplate() {
        return resource("workload.spec");
    }

    public static String serversText() {
        return resource("servers.txt");
    }

    public static String timelineText() {
        return resource("timeline.txt");
    }

    /** The workload spec at a scale (the length and peak time filled in). */
    public static String workload(double scale) {
        long len = scaled(LENGTH_NS, scale);
        return workloadTemplate().replace("{LENGTH}", ms(len)).replace("{PEAK}", ms(len / 2));
    }

    /** The admin timeline at a scale. */
    public static List<AdminEvent> timeline(double scale) {
        List<AdminEvent> base;
        try {
            base = AdminTimeline.parse("demo/timeline.txt", timelineText());
        } catch (TraceFormatException e) {
            throw new IllegalStateException("the bundled demo timeline is broken: " + e.getMessage(), e);
        }
        List<AdminEvent> out = new ArrayList<>();
        for (AdminEvent e : base) {
            long t = scaled(e.timeNs(), scale);
            out.add(switch (e) {
                case AdminEvent.AddServer a -> new AdminEvent.AddServer(t, a.service(), a.dest());
                case AdminEvent.RemoveServer r -> new AdminEvent.RemoveServer(t, r.service(), r.real(), r.port());
                case AdminEvent.SetWeight w -> new AdminEvent.SetWeight(t, w.service(), w.real(), w.port(), w.weight());
                case AdminEvent.Drain d -> new AdminEvent.Drain(t, d.service(), d.real(), d.port());
                case AdminEvent.Fail f -> new AdminEvent.Fail(t, f.service(), f.real(), f.port());
                case AdminEvent.SetThresholds h -> new AdminEvent.SetThresholds(t, h.service(), h.real(), h.port(), h.upper(), h.lower());
                case AdminEvent.SetScheduler s -> new AdminEvent.SetScheduler(t, s.service(), s.scheduler());
            });
        }
        return out;
    }

    /** The whole demo run. */
    public static SimulationSpec spec(double scale, long seed, KernelProfile kernel) {
        if (!(scale > 0) || scale > 100) {
            throw new IllegalArgumentException("demo scale must be in (0, 100]: " + scale);
        }
        return SimulationSpec.of("demo", "demo/rules.ipvsadm", rules(), Workloads.spec(workload(scale), seed), Mode.SERVICE)
                .withSeed(seed)
                .withKernel(kernel)
                .withTimeline(timeline(scale))
                .withServers(ServerPlan.parse("demo/servers.txt", serversText()))
                .withNote("demo_scale", org.lvslab.reports.io.Fmt.num(scale, 4));
    }

    private static long scaled(long ns, double scale) {
        return Math.round(ns * scale / 1e6) * 1_000_000L; // whole milliseconds
    }

    private static String ms(long ns) {
        return String.format(Locale.ROOT, "%dms", ns / 1_000_000L);
    }

    private static String resource(String name) {
        try (InputStream in = Demo.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("demo resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
