package org.lvslab.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.Testbed;

/**
 * Replays the real-kernel trace {@code sample-output-all-schedulers.txt} (Debian 6.12.117 under
 * QEMU, kernel-lab {@code schedule-trace.sh}) at scheduler level: service 10.0.0.1:80 created with
 * the scheduler, then real servers 10.1.0.11 w1, .12 w2, .13 w3, .14 w4 added in that order;
 * sixteen connections from 172.16.1.1..16 port 10000 held open, so each decision gives the chosen
 * server one more active connection (6.12.117: active + 1 and total + 1).
 */
class KernelSampleReplayTest {
    private static final String FILE = "/sample-output-all-schedulers.txt";

    /** Scheduler name to its "client -> real server" lines, in file order. */
    static Map<String, List<String[]>> trace() throws IOException {
        Map<String, List<String[]>> out = new LinkedHashMap<>();
        try (InputStream in = KernelSampleReplayTest.class.getResourceAsStream(FILE)) {
            assertThat(in).as(FILE).isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String current = null;
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.startsWith("# === scheduler ")) {
                    current = line.substring("# === scheduler ".length(), line.indexOf(':'));
                    out.put(current, new ArrayList<>());
                } else if (!line.startsWith("#") && !line.isBlank()) {
                    String[] parts = line.split(" -> ");
                    if (current == null || parts.length != 2) {
                        throw new IllegalStateException(FILE + ":" + lineNo + ": not a decision line: " + line);
                    }
                    out.get(current).add(parts);
                }
            }
        }
        return out;
    }

    static Stream<String> deterministicSchedulers() {
        return Stream.of("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deterministicSchedulers")
    void everyDecisionMatchesTheRealKernel(String scheduler) throws IOException {
        List<String[]> expected = trace().get(scheduler);
        assertThat(expected).as("trace of " + scheduler).hasSize(16);
        Testbed tb = Testbed.tcp(Bench.NEW);
        tb.bind(Bench.provider(scheduler));
        for (int i = 1; i <= 4; i++) {
            tb.add("10.1.0.1" + i + ":80", i);
        }
        List<String> got = new ArrayList<>();
        List<String> want = new ArrayList<>();
        for (String[] line : expected) {
            String client = line[0].substring(0, line[0].indexOf(':'));
            int sport = Integer.parseInt(line[0].substring(line[0].indexOf(':') + 1));
            RealServer d = tb.schedule(client, sport);
            if (d != null) {
                tb.setCounters(d, d.activeConns() + 1, d.inactiveConns());
            }
            got.add(line[0] + " -> " + (d == null ? "none" : d.toString()));
            want.add(line[0] + " -> " + line[1]);
        }
        assertThat(got).containsExactlyElementsOf(want);
    }

    @Test
    void theTraceHasAllFourteenSchedulersAndTwosOnlyUsesTheFourServers() throws IOException {
        Map<String, List<String[]>> t = trace();
        assertThat(t.keySet()).containsExactly("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq",
                "fo", "ovf", "mh", "twos");
        // twos draws from the kernel's CSPRNG: only its distribution can be compared, not its lines
        assertThat(t.get("twos")).extracting(l -> l[1])
                .allMatch(s -> s.matches("10\\.1\\.0\\.1[1-4]:80"));
    }
}
