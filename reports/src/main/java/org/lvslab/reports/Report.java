package org.lvslab.reports;

import java.util.List;

/**
 * What a report shows: a title, lines describing the inputs, one or more runs side by side (one
 * for {@code simulate}, several for {@code compare}) and optional extra tables (a sweep's
 * ranking), plus extra files (e.g. the winning ipvsadm script) written verbatim.
 */
public record Report(String title, List<String> description, List<RunResult> runs, List<Table> tables,
        List<ExtraFile> files) {
    public Report {
        description = List.copyOf(description);
        runs = List.copyOf(runs);
        tables = List.copyOf(tables);
        files = List.copyOf(files);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one run");
        }
    }

    /** A file written next to the report, shown in the page as a code block. */
    public record ExtraFile(String name, String title, String content) {
    }
}
