package org.lvslab.scenario;

import java.util.List;

/** One executable line of a scenario, with its 1-based line number and its text (trimmed). */
public sealed interface ScenarioLine {
    int number();

    String text();

    /** {@code ipvsadm ARGS…}: run ipvsadm with exactly these arguments. */
    record Ipvsadm(int number, String text, List<String> args) implements ScenarioLine {
        public Ipvsadm {
            args = List.copyOf(args);
        }
    }

    /** {@code sysctl NAME=VALUE}; the name is relative to {@code /proc/sys/net/ipv4/vs/}. */
    record Sysctl(int number, String text, String name, String value) implements ScenarioLine {
    }

    /** {@code connect [-u] CLIENT VIP [hold|close|reset]}. */
    record Connect(int number, String text, boolean udp, Endpoint client, Endpoint vip, ConnectMode mode)
            implements ScenarioLine {
    }

    /** {@code close CLIENT} or {@code reset CLIENT} of a held connection. */
    record Finish(int number, String text, Endpoint client, boolean reset) implements ScenarioLine {
    }

    /** {@code sleep SECONDS}, kept in nanoseconds (the event loop's unit). */
    record Sleep(int number, String text, long nanos) implements ScenarioLine {
    }
}
