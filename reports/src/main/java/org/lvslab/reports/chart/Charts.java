package org.lvslab.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.lvslab.reports.AdminMark;
import org.lvslab.reports.RunResult;
import org.lvslab.reports.metrics.LoadSeries;

/**
 * The report's charts, each drawn from a run's data. Time axes are in seconds, minutes or hours
 * depending on the run's length; admin events are marked as dashed vertical lines.
 */
public final class Charts {
    /** Above this many series a chart drops its legend (the CSV names every server). */
    private static final int LEGEND_LIMIT = 16;
    private static final Color EVENT = new Color(0xB0, 0x30, 0x30);

    private Charts() {
    }

    /** A time unit chosen so the axis reads naturally. */
    public record TimeUnit(String name, double nanos) {
        public static TimeUnit forSpan(long spanNs) {
            if (spanNs > 3 * 3600_000_000_000L) {
                return new TimeUnit("h", 3600e9);
            }
            if (spanNs > 10 * 60_000_000_000L) {
                return new TimeUnit("min", 60e9);
            }
            return new TimeUnit("s", 1e9);
        }
    }

    /** Active connections per real server over time (one line per server), events marked. */
    public static JFreeChart loadOverTime(RunResult run) {
        LoadSeries load = run.load();
        TimeUnit unit = TimeUnit.forSpan(run.totals().simulatedNs());
        XYSeriesCollection data = new XYSeriesCollection();
        for (int s = 0; s < load.servers(); s++) {
            XYSeries series = new XYSeries(run.servers().get(s), false, true);
            for (int t = 0; t < load.samples(); t++) {
                series.add(load.time(t) / unit.nanos(), load.active(t, s));
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Active connections per real server — " + run.label(),
                "time (" + unit.name() + ")", "active connections", data, PlotOrientation.VERTICAL,
                load.servers() <= LEGEND_LIMIT, false, false);
        XYPlot plot = style(chart).getXYPlot();
        thinLines(plot, load.servers());
        markEvents(plot, run.events(), unit);
        return chart;
    }

    /** Connection share next to weight share per real server. */
    public static JFreeChart shareVsWeight(RunResult run) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int s = 0; s < run.servers().size(); s++) {
            String name = run.servers().get(s);
            data.addValue(run.connectionShare(s), "connection share", name);
            data.addValue(run.weightShare(s), "weight share", name);
        }
        JFreeChart chart = ChartFactory.createBarChart("Connection share vs weight share — " + run.label(),
                "real server", "share", data, PlotOrientation.VERTICAL, true, false, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, new Color(0x33, 0x66, 0xAA));
        r.setSeriesPaint(1, new Color(0xBB, 0xBB, 0xBB));
        if (run.servers().size() > 8) {
            plot.getDomainAxis().setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_90);
        }
        if (run.servers().size() > 40) {
            plot.getDomainAxis().setTickLabelsVisible(false);
        }
        return chart;
    }

    /** Latency CDF of each run that has latency data, on a logarithmic time axis. */
    public static JFreeChart latencyCdf(List<RunResult> runs) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (RunResult run : runs) {
            if (run.latency() == null || run.latency().count() == 0) {
                continue;
            }
            XYSeries series = new XYSeries(run.label(), true, true);
            for (double[] p : run.latency().cdf()) {
                series.addOrUpdate(Math.max(p[0] * 1000.0, 0.001), p[1]);
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Latency CDF (arrival to completion)",
                "latency (ms)", "fraction of connections", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = style(chart).getXYPlot();
        LogAxis x = new LogAxis("latency (ms, log scale)");
        x.setSmallestValue(0.001);
        x.setBase(10);
        x.setNumberFormatOverride(new java.text.DecimalFormat("0.###", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
        plot.setDomainAxis(x);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1.0);
        thinLines(plot, data.getSeriesCount());
        return chart;
    }

    /** Jain's fairness index of the weight-normalised load over time, one line per run. */
    public static JFreeChart fairness(List<RunResult> runs) {
        TimeUnit unit = TimeUnit.forSpan(maxSpan(runs));
        XYSeriesCollection data = new XYSeriesCollection();
        for (RunResult run : runs) {
            LoadSeries load = run.load();
            XYSeries series = new XYSeries(run.label(), false, true);
            for (int t = 0; t < load.samples(); t++) {
                series.add(load.time(t) / unit.nanos(), load.jain(t));
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Jain's fairness of weight-normalised active load",
                "time (" + unit.name() + ")", "Jain's index (1 = fair)", data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = style(chart).getXYPlot();
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1.05);
        thinLines(plot, data.getSeriesCount());
        markEvents(plot, runs.get(0).events(), unit);
        return chart;
    }

    /** Fraction of active clients remapped at each admin event, one point series per run. */
    public static JFreeChart disruption(List<RunResult> runs) {
        TimeUnit unit = TimeUnit.forSpan(maxSpan(runs));
        XYSeriesCollection data = new XYSeriesCollection();
        for (RunResult run : runs) {
            XYSeries series = new XYSeries(run.label(), false, true);
            for (AdminMark e : run.events()) {
                double d = e.disruption();
                if (!Double.isNaN(d)) {
                    series.add(e.timeNs() / unit.nanos(), d);
                }
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Disruption at admin events (fraction of active clients remapped)",
                "time (" + unit.name() + ")", "remapped fraction", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = style(chart).getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        plot.setRenderer(r);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1.05);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setRange(0, Math.max(maxSpan(runs) / unit.nanos(), 1e-9));
        markEvents(plot, runs.get(0).events(), unit);
        return chart;
    }

    // ---- styling -----------------------------------------------------------------------------

    private static long maxSpan(List<RunResult> runs) {
        long m = 0;
        for (RunResult r : runs) {
            m = Math.max(m, r.totals().simulatedNs());
        }
        return m;
    }

    private static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        var plot = chart.getPlot();
        plot.setBackgroundPaint(new Color(0xFA, 0xFA, 0xFA));
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            xy.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        } else if (plot instanceof CategoryPlot cp) {
            cp.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        }
        return chart;
    }

    private static void thinLines(XYPlot plot, int series) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        // one path per series instead of one line element per segment: a 100-server, 600-sample
        // load chart is a few hundred kB of SVG instead of 15 MB, and draws much faster
        r.setDrawSeriesLineAsPath(true);
        float width = series > LEGEND_LIMIT ? 0.6f : 1.4f;
        for (int i = 0; i < series; i++) {
            r.setSeriesStroke(i, new BasicStroke(width));
        }
        plot.setRenderer(r);
    }

    private static void markEvents(XYPlot plot, List<AdminMark> events, TimeUnit unit) {
        for (AdminMark e : events) {
            ValueMarker m = new ValueMarker(e.timeNs() / unit.nanos());
            m.setPaint(EVENT);
            m.setStroke(new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
            m.setLabel(e.label());
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            m.setLabelPaint(EVENT);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m);
        }
    }
}
