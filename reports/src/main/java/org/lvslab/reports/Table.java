package org.lvslab.reports;

import java.util.List;

/**
 * An extra table for a report (e.g. a sweep's ranking): a title, column names and rows of
 * already-formatted cells. Written to {@code data/<file>.csv} and shown in the HTML page.
 */
public record Table(String title, String file, List<String> columns, List<List<String>> rows) {
    public Table {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("table '" + title + "': a row has " + r.size()
                        + " cells for " + columns.size() + " columns");
            }
        }
    }
}
