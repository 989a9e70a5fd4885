package org.lvslab.scenario.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lvslab.ipvs.KernelVersion;

/**
 * A conformance suite directory: every {@code *.lvs} in it (not recursive), in name order, with
 * its recordings {@code NAME.<upstream-version>.out}. A plain {@code NAME.out}, as the kernel
 * lab's own examples are stored, is a recording of one kernel that the caller names (by default
 * the newest modelled, {@link KernelVersion#NEWEST}); a versioned recording of the same kernel
 * wins over it.
 */
public final class Suite {
    private static final Pattern RECORDING = Pattern.compile("(.+)\\.(\\d+\\.\\d+\\.\\d+)\\.out");
    private static final String PLAIN = ".out";

    private Suite() {
    }

    /** The cases of {@code dir}, sorted by name, each with the recordings found beside it. */
    public static List<SuiteCase> load(Path dir) throws IOException {
        return load(dir, KernelVersion.NEWEST);
    }

    /** As {@link #load(Path)}, reading a plain {@code NAME.out} as recorded on {@code plainKernel}. */
    public static List<SuiteCase> load(Path dir, KernelVersion plainKernel) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a directory");
        }
        TreeMap<String, TreeMap<KernelVersion, Path>> recs = new TreeMap<>();
        TreeMap<String, Path> scenarios = new TreeMap<>();
        TreeMap<String, Path> plain = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                String f = p.getFileName().toString();
                if (f.endsWith(".lvs") && Files.isRegularFile(p)) {
                    scenarios.put(f.substring(0, f.length() - 4), p);
                    continue;
                }
                Matcher m = RECORDING.matcher(f);
                if (m.matches()) {
                    recs.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(KernelVersion.parse(m.group(2)), p);
                } else if (f.endsWith(PLAIN) && Files.isRegularFile(p)) {
                    plain.put(f.substring(0, f.length() - PLAIN.length()), p);
                }
            }
        }
        plain.forEach((name, p) -> recs.computeIfAbsent(name, k -> new TreeMap<>()).putIfAbsent(plainKernel, p));
        List<SuiteCase> cases = new ArrayList<>();
        scenarios.forEach((name, path) -> cases.add(new SuiteCase(name, path, recs.getOrDefault(name, new TreeMap<>()))));
        return cases;
    }

    /** One case for a single scenario file (its recordings looked up beside it). */
    public static SuiteCase single(Path scenario) throws IOException {
        return single(scenario, KernelVersion.NEWEST);
    }

    /** As {@link #single(Path)}, reading a plain {@code NAME.out} as recorded on {@code plainKernel}. */
    public static SuiteCase single(Path scenario, KernelVersion plainKernel) throws IOException {
        Path dir = scenario.toAbsolutePath().getParent();
        String f = scenario.getFileName().toString();
        String name = f.endsWith(".lvs") ? f.substring(0, f.length() - 4) : f;
        for (SuiteCase c : load(dir, plainKernel)) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IOException(scenario + ": not found");
    }
}
