package org.lvslab.sim;

import java.io.IOException;
import java.nio.file.Path;
import org.lvslab.workloads.ConnectionSource;
import org.lvslab.workloads.TraceFormat;
import org.lvslab.workloads.TraceOptions;
import org.lvslab.workloads.synth.WorkloadSpec;

/** The two kinds of workload a run can have: a generator spec or a trace file. */
public final class Workloads {
    private Workloads() {
    }

    /**
     * A synthetic workload. When the spec names no {@code seed=}, the run's seed is used, so
     * {@code --seed} varies the traffic too.
     */
    public static WorkloadFactory spec(String text, long runSeed) {
        String t = text.matches("(?s).*(^|[\\s;])seed\\s*=.*") ? text : "seed=" + runSeed + " " + text;
        WorkloadSpec spec = WorkloadSpec.parse(t);
        String shown = text.replaceAll("#[^\\n]*", "").strip().replaceAll("\\s+", " ");
        return new WorkloadFactory() {
            @Override
            public ConnectionSource open() {
                return spec.open();
            }

            @Override
            public String describe() {
                return "spec: " + shown;
            }

            @Override
            public long durationNs() {
                return spec.lengthNs() == Long.MAX_VALUE ? 0 : spec.lengthNs();
            }
        };
    }

    /** A trace file; {@code format} null detects the format from the content. */
    public static WorkloadFactory trace(Path file, String format) {
        TraceFormat f = format == null ? null : TraceFormat.parse(format);
        return new WorkloadFactory() {
            @Override
            public ConnectionSource open() throws IOException {
                return f == null ? TraceFormat.openAuto(file, TraceOptions.defaults()) : f.open(file, TraceOptions.defaults());
            }

            @Override
            public String describe() {
                return "trace: " + file.getFileName() + (f == null ? "" : " (" + f.label() + ")");
            }
        };
    }
}
