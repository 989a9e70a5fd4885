package org.lvslab.reports.html;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.lvslab.reports.AdminMark;
import org.lvslab.reports.Report;
import org.lvslab.reports.ReportWriter.ChartFile;
import org.lvslab.reports.RunResult;
import org.lvslab.reports.Table;
import org.lvslab.reports.Totals;
import org.lvslab.reports.io.Fmt;

/** Renders a {@link Report} as one self-contained HTML page. */
public final class HtmlPage {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:2em auto;max-width:1000px;color:#222;padding:0 1em}
            h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:1px solid #ddd;padding-bottom:.2em}
            table{border-collapse:collapse;margin:.8em 0;font-size:.9em;display:block;overflow-x:auto;max-width:100%}
            th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}
            th:first-child,td:first-child{text-align:left}
            th{background:#f2f2f2}
            figure{margin:1em 0}figcaption{font-size:.85em;color:#555}
            img.chart{max-width:100%;height:auto;border:1px solid #eee}
            pre{background:#f6f6f6;padding:.8em;overflow:auto;font-size:.85em}
            .muted{color:#666;font-size:.9em}
            """;

    private HtmlPage() {
    }

    public static String render(Report report, Map<RunResult, String> slugs, Map<String, List<ChartFile>> charts) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(report.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(report.title())).append("</h1>\n");
        for (String d : report.description()) {
            h.append("<p class=\"muted\">").append(esc(d)).append("</p>\n");
        }

        h.append("<h2 id=\"summary\">Summary</h2>\n");
        summaryTable(h, report.runs());
        for (Table t : report.tables()) {
            h.append("<h2>").append(esc(t.title())).append("</h2>\n");
            table(h, t);
            h.append("<p class=\"muted\">Data: <a href=\"data/").append(esc(t.file())).append(".csv\">data/")
                    .append(esc(t.file())).append(".csv</a></p>\n");
        }
        for (Report.ExtraFile f : report.files()) {
            h.append("<h2>").append(esc(f.title())).append("</h2>\n<p class=\"muted\"><a href=\"")
                    .append(esc(f.name())).append("\">").append(esc(f.name())).append("</a></p>\n<pre>")
                    .append(esc(f.content())).append("</pre>\n");
        }

        section(h, "load", "Load per real server over time", charts.get("load"),
                "Active connections per real server (summed over directors) at each sample tick; dashed lines mark admin events.");
        section(h, "share", "Connection share vs weight share", charts.get("share"),
                "Share of all scheduled connections per real server next to its share of the total weight (averaged over time).");
        if (!charts.get("latency").isEmpty()) {
            section(h, "latency", "Latency CDF", charts.get("latency"),
                    "Arrival to completion of each connection in service mode (HdrHistogram, 3 significant digits).");
        }
        section(h, "fairness", "Fairness over time", charts.get("fairness"),
                "Jain's index of active connections divided by weight, over real servers with weight > 0.");
        section(h, "disruption", "Disruption timeline", charts.get("disruption"),
                "At each admin event: of the clients with an open connection, the fraction whose next connection went to another real server.");
        for (RunResult r : report.runs()) {
            eventsTable(h, r);
        }
        for (RunResult r : report.runs()) {
            serversTable(h, r, slugs.get(r));
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void summaryTable(StringBuilder h, List<RunResult> runs) {
        h.append("<table>\n<tr><th>run</th><th>mode</th><th>connections</th><th>refused</th><th>failed</th>"
                + "<th>persistence hits</th><th>balance (mean max/avg)</th><th>balance peak</th><th>Jain mean</th>"
                + "<th>Jain min</th><th>max |share−weight|</th><th>max disruption</th><th>p50</th><th>p99</th><th>p99.9</th></tr>\n");
        for (RunResult r : runs) {
            Map<String, Double> m = r.summary();
            Totals t = r.totals();
            h.append("<tr><td>").append(esc(r.label())).append("</td><td>").append(r.serviceMode() ? "service" : "replay")
                    .append("</td><td>").append(t.scheduled()).append("</td><td>").append(t.refused())
                    .append("</td><td>").append(t.failed()).append("</td><td>").append(t.persistenceHits())
                    .append("</td><td>").append(num(m.get("balance_mean"), 3))
                    .append("</td><td>").append(num(m.get("balance_peak"), 3))
                    .append("</td><td>").append(num(m.get("jain_mean"), 4))
                    .append("</td><td>").append(num(m.get("jain_min"), 4))
                    .append("</td><td>").append(num(m.get("share_error_max"), 4))
                    .append("</td><td>").append(num(m.get("disruption_max"), 3))
                    .append("</td><td>").append(ms(m.get("latency_p50_s")))
                    .append("</td><td>").append(ms(m.get("latency_p99_s")))
                    .append("</td><td>").append(ms(m.get("latency_p999_s")))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        h.append("<p class=\"muted\">Inputs:</p>\n<table>\n<tr><th>run</th><th>inputs</th></tr>\n");
        for (RunResult r : runs) {
            StringBuilder in = new StringBuilder();
            for (var e : r.inputs().entrySet()) {
                if (!in.isEmpty()) {
                    in.append("; ");
                }
                in.append(e.getKey()).append('=').append(e.getValue());
            }
            h.append("<tr><td>").append(esc(r.label())).append("</td><td style=\"text-align:left\">")
                    .append(esc(in.toString())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void section(StringBuilder h, String id, String title, List<ChartFile> charts, String caption) {
        h.append("<h2 id=\"").append(id).append("\">").append(esc(title)).append("</h2>\n");
        h.append("<p class=\"muted\">").append(esc(caption)).append("</p>\n");
        for (ChartFile c : charts) {
            String b64 = Base64.getEncoder().encodeToString(c.svg().getBytes(StandardCharsets.UTF_8));
            h.append("<figure><img class=\"chart\" width=\"").append(org.lvslab.reports.ReportWriter.WIDTH)
                    .append("\" height=\"").append(org.lvslab.reports.ReportWriter.HEIGHT)
                    .append("\" alt=\"").append(esc(c.caption())).append("\" src=\"data:image/svg+xml;base64,")
                    .append(b64).append("\">\n<figcaption>").append(esc(c.caption())).append(" — <a href=\"charts/")
                    .append(esc(c.stem())).append(".svg\">SVG</a>, <a href=\"charts/").append(esc(c.stem()))
                    .append(".png\">PNG</a>, data: ").append(esc(c.dataFile())).append("</figcaption></figure>\n");
        }
    }

    private static void eventsTable(StringBuilder h, RunResult r) {
        if (r.events().isEmpty()) {
            return;
        }
        h.append("<details open><summary>Admin events — ").append(esc(r.label())).append("</summary>\n<table>\n")
                .append("<tr><th>time (s)</th><th>event</th><th>active clients</th><th>observed</th><th>remapped</th><th>disruption</th></tr>\n");
        for (AdminMark e : r.events()) {
            h.append("<tr><td>").append(Fmt.seconds(e.timeNs())).append("</td><td style=\"text-align:left\">")
                    .append(esc(e.label())).append("</td><td>").append(e.activeClients()).append("</td><td>")
                    .append(e.observed()).append("</td><td>").append(e.remapped()).append("</td><td>")
                    .append(num(e.disruption(), 3)).append("</td></tr>\n");
        }
        h.append("</table>\n</details>\n");
    }

    private static void serversTable(StringBuilder h, RunResult r, String slug) {
        h.append("<details><summary>Real servers — ").append(esc(r.label())).append(" (data/").append(esc(slug))
                .append("/servers.csv)</summary>\n<table>\n<tr><th>server</th><th>weight share</th><th>connections</th>"
                        + "<th>share</th><th>mean active</th><th>peak active</th></tr>\n");
        for (int s = 0; s < r.servers().size(); s++) {
            h.append("<tr><td>").append(esc(r.servers().get(s))).append("</td><td>").append(num(r.weightShare(s), 4))
                    .append("</td><td>").append(r.connections(s)).append("</td><td>").append(num(r.connectionShare(s), 4))
                    .append("</td><td>").append(num(r.load().meanActive(s), 2)).append("</td><td>")
                    .append(r.load().peakActive(s)).append("</td></tr>\n");
        }
        h.append("</table>\n</details>\n");
    }

    private static void table(StringBuilder h, Table t) {
        h.append("<table>\n<tr>");
        for (String c : t.columns()) {
            h.append("<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr>\n");
        for (List<String> row : t.rows()) {
            h.append("<tr>");
            for (String cell : row) {
                h.append("<td>").append(esc(cell)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static String num(Double v, int decimals) {
        if (v == null || v.isNaN()) {
            return "–";
        }
        return Fmt.num(v, decimals);
    }

    private static String ms(Double seconds) {
        if (seconds == null || seconds.isNaN()) {
            return "–";
        }
        return Fmt.num(seconds * 1000, 3) + " ms";
    }

    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
