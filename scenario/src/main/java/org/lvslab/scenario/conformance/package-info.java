/**
 * The conformance suite: scenarios with outputs recorded on real kernels
 * ({@code NAME.lvs} beside {@code NAME.<upstream-version>.out}), the comparison of an output
 * with a recording (byte for byte, or statistically for the random scheduler twos) and the
 * report of the first difference.
 */
package org.lvslab.scenario.conformance;
