package org.lvslab.ipvsadm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lvslab.ipvsadm.kernel.StatsEntry;

/**
 * Every golden example of {@code ipvsadm-and-netlink.md} §10 (the literal output of upstream
 * ipvsadm 1.31): a fresh table per case, the setup commands, then each step's stdout, stderr and
 * exit status byte for byte. Counter values and {@code /proc/net/ip_vs_conn} text that the
 * examples injected into their emulated kernel are injected into the kernel's replies here.
 */
class GoldenExamplesTest {

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() {
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(Harness.resource("ipvsadm-golden.json"));
        return ((List<Object>) root.get("cases")).stream()
                .map(c -> (Map<String, Object>) c)
                .map(c -> Arguments.of(c.get("title"), c));
    }

    private static StatsEntry stats(Map<String, Long> v) {
        return new StatsEntry(v.get("conns"), v.get("inpkts"), v.get("outpkts"), v.get("inbytes"), v.get("outbytes"),
                v.get("cps"), v.get("inpps"), v.get("outpps"), v.get("inbps"), v.get("outbps"));
    }

    private static Map<String, Long> values(String text) {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        Matcher kv = Pattern.compile("(\\w+)=(\\d+)").matcher(text);
        while (kv.find()) {
            m.put(kv.group(1), Long.parseLong(kv.group(2)));
        }
        return m;
    }

    /** "service k=v ...; each dest k=v ..." in a case's note: the counters its kernel reported. */
    private static void injectCounters(InjectingKernel k, String note) {
        Matcher m = Pattern.compile("service ([^;]*); each dest (.*)").matcher(note);
        if (!m.find()) {
            return;
        }
        k.serviceStats = stats(values(m.group(1)));
        Map<String, Long> d = values(m.group(2));
        k.destStats = stats(d);
        k.destConns = new long[] {d.get("activeconns"), d.get("inactconns"), d.get("persistconns")};
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesUpstreamIpvsadm(String title, Map<String, Object> c) {
        Harness h = new Harness();
        InjectingKernel k = new InjectingKernel(h.simulatedKernel());
        h.withKernel(k);
        for (Object cmd : (List<Object>) c.get("setup")) {
            h.ok((String) cmd);
        }
        if (c.get("note") instanceof String note) {
            injectCounters(k, note);
        }
        if (c.get("conn") instanceof String conn) {
            k.procText = conn;
        }
        for (Object o : (List<Object>) c.get("steps")) {
            Map<String, Object> step = (Map<String, Object>) o;
            String cmd = (String) step.get("cmd");
            Harness.Result r = h.run(cmd, (String) step.get("stdin"));
            assertThat(r.stdout()).as("stdout of %s", cmd).isEqualTo(step.get("stdout"));
            assertThat(r.stderr()).as("stderr of %s", cmd).isEqualTo(step.get("stderr"));
            assertThat(r.exit()).as("exit status of %s", cmd).isEqualTo(((Long) step.get("exit")).intValue());
        }
    }
}
