/**
 * The {@code .lvs} scenario language (docs: scenario-format) and its simulated executor: a
 * {@link org.lvslab.scenario.ScenarioParser} that turns a file into {@link org.lvslab.scenario.ScenarioLine}s
 * (or reports every bad line with file and line number), and a {@link org.lvslab.scenario.ScenarioSession}
 * that runs lines on an {@link org.lvslab.ipvs.IpvsTable}, modelling each {@code connect}, {@code close}
 * and {@code reset} as the packets the kernel lab's TCP/UDP stacks put through IPVS.
 */
package org.lvslab.scenario;
