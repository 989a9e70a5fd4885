package org.lvslab.scenario;

import java.io.PrintStream;
import java.util.List;

/**
 * Runs one ipvsadm command line for a {@link ScenarioSession}: what it prints goes to
 * {@code out} and {@code err}, the exit status is returned. The session keeps one runner for its
 * whole life, so that state ipvsadm keeps beside the table (sync daemons) persists across lines.
 */
@FunctionalInterface
public interface IpvsadmRunner {
    int run(List<String> args, PrintStream out, PrintStream err);
}
