package org.lvslab.reports.chart;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Renders a chart to PNG bytes or SVG text, headless. */
public final class ChartExport {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartExport() {
    }

    public static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A standalone SVG document. {@code idPrefix} replaces JFreeSVG's default prefix for clip-path
     * and gradient ids, which is derived from the clock; it must differ between charts that end
     * up in one page.
     */
    public static String svg(JFreeChart chart, int width, int height, String idPrefix) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(idPrefix);
        g2.setGeomDoubleConverter(ChartExport::hundredths);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        // the element without JFreeSVG's DOCTYPE: nothing in it then points at a network DTD
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g2.getSVGElement() + "\n";
    }

    /**
     * Geometry in the SVG to 0.01 px (a 900 px chart needs no more), written without the locale
     * and without trailing zeros: "12.5", "-3", "0.07". Shortens every coordinate of every path.
     */
    static String hundredths(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        long c = Math.round(v * 100);
        if (c == 0) {
            return "0";
        }
        StringBuilder b = new StringBuilder(12);
        if (c < 0) {
            b.append('-');
            c = -c;
        }
        b.append(c / 100);
        int frac = (int) (c % 100);
        if (frac != 0) {
            b.append('.').append((char) ('0' + frac / 10));
            if (frac % 10 != 0) {
                b.append((char) ('0' + frac % 10));
            }
        }
        return b.toString();
    }
}
