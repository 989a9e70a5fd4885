/**
 * Byte-stable text output: number formatting with {@link java.util.Locale#ROOT} and a fixed number
 * of decimals, a CSV writer and a small JSON writer that keeps insertion order. Everything a run
 * writes goes through here so that the same inputs give the same bytes on every machine.
 */
package org.lvslab.reports.io;
