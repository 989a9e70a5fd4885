package org.lvslab.scenario.conformance;

import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.lvslab.ipvs.KernelVersion;

/**
 * One scenario of a suite directory and its recordings: {@code NAME.lvs} and, beside it, one
 * {@code NAME.<upstream-version>.out} per kernel it was recorded on (e.g.
 * {@code thr-lower-u.6.1.170.out}), newest version last.
 */
public record SuiteCase(String name, Path scenario, SortedMap<KernelVersion, Path> recordings) {
    public SuiteCase {
        recordings = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(recordings));
    }

    /** Where the recording for {@code version} lives (whether or not it exists yet). */
    public Path recordingPath(KernelVersion version) {
        return recordingPath(scenario, version);
    }

    public static Path recordingPath(Path scenario, KernelVersion version) {
        String f = scenario.getFileName().toString();
        String base = f.endsWith(".lvs") ? f.substring(0, f.length() - 4) : f;
        return scenario.resolveSibling(base + "." + version + ".out");
    }

    public boolean hasRecording(KernelVersion version) {
        return recordings.containsKey(version);
    }

    public Map<KernelVersion, Path> recordingsView() {
        return recordings;
    }
}
