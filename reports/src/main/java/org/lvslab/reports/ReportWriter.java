package org.lvslab.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.lvslab.reports.chart.ChartExport;
import org.lvslab.reports.chart.Charts;
import org.lvslab.reports.html.HtmlPage;
import org.lvslab.reports.io.Csv;
import org.lvslab.reports.io.Json;
import org.lvslab.reports.metrics.LatencyRecorder;
import org.lvslab.reports.metrics.LoadSeries;

/**
 * Writes a {@link Report} into a directory:
 * <pre>
 *   index.html                 self-contained page (charts inlined as SVG data: URIs)
 *   summary.json, summary.csv  headline metrics of every run
 *   data/&lt;run&gt;/servers.csv      per real server: weight share, connections, share, load
 *   data/&lt;run&gt;/load.csv         per sample and server: active, inactive, in service, weight
 *   data/&lt;run&gt;/fairness.csv     per sample: Jain's index and max/avg balance
 *   data/&lt;run&gt;/events.csv       per admin event: active clients, observed, remapped
 *   data/&lt;run&gt;/latency.csv      latency CDF (service mode)
 *   data/&lt;table&gt;.csv            extra tables (a sweep's ranking)
 *   charts/*.png, charts/*.svg  every chart of the page
 * </pre>
 * Nothing depends on the clock, the locale or hash order: the same report gives the same bytes.
 */
public final class ReportWriter {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 420;

    private ReportWriter() {
    }

    /** One chart of the page: its file stem, caption and the SVG text. */
    public record ChartFile(String stem, String caption, String svg, String dataFile) {
    }

    /** Writes everything and returns the path of {@code index.html}. */
    public static Path write(Report report, Path dir) {
        try {
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("charts"));
            Map<RunResult, String> slugs = slugs(report.runs());
            writeText(dir.resolve("summary.json"), summaryJson(report, slugs));
            writeText(dir.resolve("summary.csv"), summaryCsv(report));
            for (RunResult run : report.runs()) {
                Path d = dir.resolve("data").resolve(slugs.get(run));
                Files.createDirectories(d);
                // the per-sample files grow with the run: streamed, never built up in memory
                stream(d.resolve("servers.csv"), w -> serversCsv(run, w));
                stream(d.resolve("load.csv"), w -> loadCsv(run, w));
                stream(d.resolve("fairness.csv"), w -> fairnessCsv(run, w));
                stream(d.resolve("events.csv"), w -> eventsCsv(run, w));
                if (run.latency() != null) {
                    writeText(d.resolve("latency.csv"), latencyCsv(run.latency()));
                }
            }
            for (Table t : report.tables()) {
                writeText(dir.resolve("data").resolve(t.file() + ".csv"), tableCsv(t));
            }
            for (Report.ExtraFile f : report.files()) {
                writeText(dir.resolve(f.name()), f.content());
            }
            Map<String, JFreeChart> chartObjects = chartObjects(report, slugs);
            Map<String, List<ChartFile>> charts = charts(chartObjects);
            for (List<ChartFile> group : charts.values()) {
                for (ChartFile c : group) {
                    writeText(dir.resolve("charts").resolve(c.stem() + ".svg"), c.svg());
                }
            }
            for (var e : chartObjects.entrySet()) {
                Files.write(dir.resolve("charts").resolve(e.getKey() + ".png"), ChartExport.png(e.getValue(), WIDTH, HEIGHT));
            }
            Path index = dir.resolve("index.html");
            writeText(index, HtmlPage.render(report, slugs, charts));
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A file-name-safe, unique name per run, in run order. */
    public static Map<RunResult, String> slugs(List<RunResult> runs) {
        Map<RunResult, String> out = new LinkedHashMap<>();
        Set<String> used = new LinkedHashSet<>();
        for (RunResult r : runs) {
            String base = r.label().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
            if (base.isEmpty()) {
                base = "run";
            }
            String s = base;
            for (int k = 2; !used.add(s); k++) {
                s = base + "-" + k;
            }
            out.put(r, s);
        }
        return out;
    }

    // ---- charts ------------------------------------------------------------------------------

    private static Map<String, JFreeChart> chartObjects(Report report, Map<RunResult, String> slugs) {
        Map<String, JFreeChart> m = new LinkedHashMap<>();
        for (RunResult r : report.runs()) {
            m.put(slugs.get(r) + "-load", Charts.loadOverTime(r));
        }
        for (RunResult r : report.runs()) {
            m.put(slugs.get(r) + "-share", Charts.shareVsWeight(r));
        }
        if (report.runs().stream().anyMatch(r -> r.latency() != null && r.latency().count() > 0)) {
            m.put("latency-cdf", Charts.latencyCdf(report.runs()));
        }
        m.put("fairness", Charts.fairness(report.runs()));
        m.put("disruption", Charts.disruption(report.runs()));
        return m;
    }

    private static Map<String, List<ChartFile>> charts(Map<String, JFreeChart> objs) {
        Map<String, List<ChartFile>> groups = new LinkedHashMap<>();
        for (String g : List.of("load", "share", "latency", "fairness", "disruption")) {
            groups.put(g, new ArrayList<>());
        }
        int n = 0;
        for (var e : objs.entrySet()) {
            String stem = e.getKey();
            String svg = ChartExport.svg(e.getValue(), WIDTH, HEIGHT, "c" + (n++) + "_");
            String group;
            String data;
            if (stem.endsWith("-load")) {
                group = "load";
                data = "data/" + stem.substring(0, stem.length() - 5) + "/load.csv";
            } else if (stem.endsWith("-share")) {
                group = "share";
                data = "data/" + stem.substring(0, stem.length() - 6) + "/servers.csv";
            } else if (stem.equals("latency-cdf")) {
                group = "latency";
                data = "data/*/latency.csv";
            } else if (stem.equals("fairness")) {
                group = "fairness";
                data = "data/*/fairness.csv";
            } else {
                group = "disruption";
                data = "data/*/events.csv";
            }
            groups.get(group).add(new ChartFile(stem, e.getValue().getTitle().getText(), svg, data));
        }
        return groups;
    }

    // ---- data files --------------------------------------------------------------------------

    static String summaryJson(Report report, Map<RunResult, String> slugs) {
        Json j = new Json().beginObject();
        j.member("title", report.title());
        j.name("description").beginArray();
        for (String d : report.description()) {
            j.value(d);
        }
        j.endArray();
        j.name("runs").beginArray();
        for (RunResult r : report.runs()) {
            j.beginObject();
            j.member("label", r.label());
            j.member("data", "data/" + slugs.get(r));
            j.member("mode", r.serviceMode() ? "service" : "replay");
            j.name("inputs").beginObject();
            for (var e : r.inputs().entrySet()) {
                j.member(e.getKey(), e.getValue());
            }
            j.endObject();
            Totals t = r.totals();
            j.name("totals").beginObject()
                    .member("offered", t.offered()).member("scheduled", t.scheduled())
                    .member("refused", t.refused()).member("failed", t.failed())
                    .member("persistence_hits", t.persistenceHits())
                    .member("unmatched", t.unmatched())
                    .member("simulated_s", t.simulatedNs() / 1e9)
                    .endObject();
            j.name("metrics").beginObject();
            for (var e : r.summary().entrySet()) {
                j.member(e.getKey(), e.getValue());
            }
            j.endObject();
            j.name("servers").beginArray();
            for (int s = 0; s < r.servers().size(); s++) {
                j.beginObject().member("server", r.servers().get(s))
                        .member("connections", r.connections(s))
                        .member("share", r.connectionShare(s))
                        .member("weight_share", r.weightShare(s))
                        .endObject();
            }
            j.endArray();
            j.name("events").beginArray();
            for (AdminMark e : r.events()) {
                j.beginObject().member("time_s", e.timeNs() / 1e9).member("event", e.label())
                        .member("active_clients", e.activeClients()).member("observed", e.observed())
                        .member("remapped", e.remapped()).member("disruption", e.disruption())
                        .endObject();
            }
            j.endArray();
            j.endObject();
        }
        j.endArray();
        j.endObject();
        return j.toString();
    }

    static String summaryCsv(Report report) {
        StringWriter w = new StringWriter();
        Csv c = new Csv(w);
        List<String> metricNames = new ArrayList<>(report.runs().get(0).summary().keySet());
        c.text("run").text("mode");
        for (String m : metricNames) {
            c.text(m);
        }
        c.end();
        for (RunResult r : report.runs()) {
            c.text(r.label()).text(r.serviceMode() ? "service" : "replay");
            for (double v : r.summary().values()) {
                c.num(v);
            }
            c.end();
        }
        return w.toString();
    }

    static void serversCsv(RunResult r, Writer w) {
        Csv c = new Csv(w).header("server", "weight_share", "connections", "share", "mean_active", "peak_active");
        for (int s = 0; s < r.servers().size(); s++) {
            c.text(r.servers().get(s)).num(r.weightShare(s)).num(r.connections(s)).num(r.connectionShare(s))
                    .num(r.load().meanActive(s), 3).num(r.load().peakActive(s)).end();
        }
    }

    static void loadCsv(RunResult r, Writer w) {
        Csv c = new Csv(w).header("time_s", "server", "active", "inactive", "in_service", "weight");
        LoadSeries l = r.load();
        for (int t = 0; t < l.samples(); t++) {
            for (int s = 0; s < l.servers(); s++) {
                c.seconds(l.time(t)).text(r.servers().get(s)).num(l.active(t, s)).num(l.inactive(t, s))
                        .num(l.busy(t, s)).num(l.weight(t, s)).end();
            }
        }
    }

    static void fairnessCsv(RunResult r, Writer w) {
        Csv c = new Csv(w).header("time_s", "jain", "balance_max_over_mean");
        LoadSeries l = r.load();
        for (int t = 0; t < l.samples(); t++) {
            c.seconds(l.time(t)).num(l.jain(t)).num(l.balance(t)).end();
        }
    }

    static void eventsCsv(RunResult r, Writer w) {
        Csv c = new Csv(w).header("time_s", "event", "active_clients", "observed", "remapped", "disruption");
        for (AdminMark e : r.events()) {
            c.seconds(e.timeNs()).text(e.label()).num(e.activeClients()).num(e.observed()).num(e.remapped())
                    .num(e.disruption()).end();
        }
    }

    static String latencyCsv(LatencyRecorder l) {
        StringWriter w = new StringWriter();
        Csv c = new Csv(w).header("latency_s", "cumulative_fraction");
        for (double[] p : l.cdf()) {
            c.num(p[0]).num(p[1], 6).end();
        }
        return w.toString();
    }

    static String tableCsv(Table t) {
        StringWriter w = new StringWriter();
        Csv c = new Csv(w);
        for (String col : t.columns()) {
            c.text(col);
        }
        c.end();
        for (List<String> row : t.rows()) {
            for (String cell : row) {
                c.text(cell);
            }
            c.end();
        }
        return w.toString();
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void stream(Path p, Body body) throws IOException {
        try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            body.write(w);
        }
    }

    private static void writeText(Path p, String s) throws IOException {
        Files.writeString(p, s, StandardCharsets.UTF_8);
    }
}
