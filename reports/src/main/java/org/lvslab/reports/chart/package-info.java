/**
 * Charts of a report, built with JFreeChart from a run's data ({@link org.lvslab.reports.chart.Charts})
 * and exported as PNG and SVG ({@link org.lvslab.reports.chart.ChartExport}; SVG through JFreeSVG,
 * with fixed element-id prefixes so the text is the same on every run).
 */
package org.lvslab.reports.chart;
