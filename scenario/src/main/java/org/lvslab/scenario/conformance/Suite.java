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

/** A conformance suite directory: every {@code *.lvs} in it (not recursive), in name order. */
public final class Suite {
    private static final Pattern RECORDING = Pattern.compile("(.+)\\.(\\d+\\.\\d+\\.\\d+)\\.out");

    private Suite() {
    }

    /** The cases of {@code dir}, sorted by name, each with the recordings found beside it. */
    public static List<SuiteCase> load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a directory");
        }
        TreeMap<String, TreeMap<KernelVersion, Path>> recs = new TreeMap<>();
        TreeMap<String, Path> scenarios = new TreeMap<>();
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
                }
            }
        }
        List<SuiteCase> cases = new ArrayList<>();
        scenarios.forEach((name, path) -> cases.add(new SuiteCase(name, path, recs.getOrDefault(name, new TreeMap<>()))));
        return cases;
    }

    /** One case for a single scenario file (its recordings looked up beside it). */
    public static SuiteCase single(Path scenario) throws IOException {
        Path dir = scenario.toAbsolutePath().getParent();
        String f = scenario.getFileName().toString();
        String name = f.endsWith(".lvs") ? f.substring(0, f.length() - 4) : f;
        for (SuiteCase c : load(dir)) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IOException(scenario + ": not found");
    }
}
