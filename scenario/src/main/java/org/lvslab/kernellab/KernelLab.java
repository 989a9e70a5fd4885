package org.lvslab.kernellab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs scenarios on a real kernel: one QEMU boot per call, a fresh lab (network namespaces) per
 * scenario, outputs collected through a 9p share. Installs missing host tools and downloads and
 * caches the kernel package and guest image on first use ({@code run-ipvs-vm.sh}); KVM only
 * where it really works, TCG otherwise. A VM that does not boot is stopped after the boot
 * timeout and reported, never waited for indefinitely.
 */
public final class KernelLab {
    private static final Pattern STARTED = Pattern.compile("script started at guest uptime ([0-9.]+)s");

    private final Path scripts;
    private final Duration timeout;
    private final Duration bootTimeout;
    private final PrintStream log;

    /**
     * @param timeout     limit for the whole VM run
     * @param bootTimeout limit until the guest script starts
     * @param log         where the harness's progress and errors are echoed (may be null)
     */
    public KernelLab(Path scripts, Duration timeout, Duration bootTimeout, PrintStream log) {
        this.scripts = scripts;
        this.timeout = timeout;
        this.bootTimeout = bootTimeout;
        this.log = log;
    }

    public static KernelLab standard(PrintStream log) throws IOException {
        return new KernelLab(LabScripts.locate(), Duration.ofMinutes(30), Duration.ofMinutes(3), log);
    }

    public Path scripts() {
        return scripts;
    }

    /** Prepares the cache (tools, kernel package, initramfs) without booting; returns the exit status. */
    public int prepare(KernelTarget target) throws IOException, InterruptedException {
        List<String> cmd = List.of("bash", scripts.resolve("run-ipvs-vm.sh").toString(), "--kernel-pkg",
                target.packageName(), "--build-only");
        StringBuilder sb = new StringBuilder();
        return execute(cmd, sb);
    }

    /** Boots {@code target} once and runs every scenario in it, each in a fresh lab. */
    public LabRun run(KernelTarget target, List<Path> scenarios) throws IOException, InterruptedException {
        Path stage = Files.createTempDirectory("lvslab-kernel-run-");
        try {
            Path in = Files.createDirectories(stage.resolve("in"));
            Path out = Files.createDirectories(stage.resolve("out"));
            List<String> names = new ArrayList<>();
            for (Path s : scenarios) {
                String f = s.getFileName().toString();
                String name = f.endsWith(".lvs") ? f.substring(0, f.length() - 4) : f;
                if (names.contains(name)) {
                    throw new IllegalArgumentException("two scenarios named " + name);
                }
                names.add(name);
                Files.copy(s, in.resolve(name + ".lvs"));
            }
            List<String> cmd = new ArrayList<>(List.of("bash", scripts.resolve("run-ipvs-vm.sh").toString(),
                    "--kernel-pkg", target.packageName(), "--mem", "256",
                    "--timeout", Long.toString(timeout.toSeconds()),
                    "--boot-timeout", Long.toString(bootTimeout.toSeconds()),
                    "--file", in.toString(), "--share", out.toString(),
                    scripts.resolve("run-scenario.sh").toString(), "-o", "/mnt/share"));
            for (String n : names) {
                cmd.add("in/" + n + ".lvs");
            }
            long t0 = System.nanoTime();
            StringBuilder harness = new StringBuilder();
            int rc = execute(cmd, harness);
            double wall = (System.nanoTime() - t0) / 1e9;
            Map<String, GuestResult> results = new LinkedHashMap<>();
            for (String n : names) {
                results.put(n, collect(out, n));
            }
            Matcher m = STARTED.matcher(harness);
            double boot = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
            return new LabRun(target, results, rc, boot, wall, harness.toString());
        } finally {
            deleteTree(stage);
        }
    }

    private static GuestResult collect(Path out, String name) throws IOException {
        Path o = out.resolve(name + ".out");
        Path e = out.resolve(name + ".err");
        Path r = out.resolve(name + ".rc");
        String output = Files.isRegularFile(o) ? Files.readString(o, StandardCharsets.UTF_8) : "";
        String diag = Files.isRegularFile(e) ? Files.readString(e, StandardCharsets.UTF_8) : "";
        int rc = -1;
        if (Files.isRegularFile(r)) {
            try {
                rc = Integer.parseInt(Files.readString(r).strip());
            } catch (NumberFormatException bad) {
                rc = -1;
            }
        }
        return new GuestResult(name, output, diag, rc);
    }

    /** Runs the harness with stdin closed, echoing (and keeping) what it prints. */
    private int execute(List<String> cmd, StringBuilder keep) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                keep.append(line).append('\n');
                if (log != null) {
                    log.println(line);
                }
            }
        }
        // the harness enforces its own timeouts; this is only a backstop
        if (!p.waitFor(timeout.toSeconds() + 60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return 124;
        }
        return p.exitValue();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
