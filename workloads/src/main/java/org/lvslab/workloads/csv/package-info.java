/**
 * The canonical lvslab trace: a CSV file with one versioned header line and exactly one line per
 * connection. {@link org.lvslab.workloads.csv.CsvTraceWriter} writes it from any source,
 * {@link org.lvslab.workloads.csv.CsvTraceReader} streams it back. Format in docs/workloads.md.
 */
package org.lvslab.workloads.csv;
