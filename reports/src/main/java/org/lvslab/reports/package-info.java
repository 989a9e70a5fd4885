/**
 * A run's results as data ({@link org.lvslab.reports.RunResult}, {@link org.lvslab.reports.Report})
 * and the writer that turns a report into a directory: CSV and JSON data files, PNG and SVG
 * charts drawn from the same data, and one self-contained {@code index.html}
 * ({@link org.lvslab.reports.ReportWriter}). Output bytes depend only on the data.
 */
package org.lvslab.reports;
