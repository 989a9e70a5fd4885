/**
 * The report's single HTML page: self-contained (styles inline, charts as SVG {@code data:} URIs),
 * so it opens from disk with no network. Summary table first, then the charts.
 */
package org.lvslab.reports.html;
