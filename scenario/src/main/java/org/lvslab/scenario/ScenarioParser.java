package org.lvslab.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code .lvs} files (scenario format version 1). Accepts exactly what the kernel lab's
 * runner accepts, so that a file either parses in both executors or in neither: blank lines and
 * lines starting with {@code #} are skipped, tokens are separated by blanks, and every bad line
 * is reported (not only the first) as {@code FILE:LINE: PROBLEM: TEXT}.
 */
public final class ScenarioParser {
    private static final Pattern SYSCTL = Pattern.compile("([A-Za-z0-9_./]+)\\s*=\\s*(.*)");
    private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private ScenarioParser() {
    }

    public static Scenario parse(Path file) throws IOException, ScenarioParseException {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString();
        if (name.endsWith(".lvs")) {
            name = name.substring(0, name.length() - 4);
        }
        return parse(file.toString(), name, source);
    }

    /** Parses {@code source}; {@code fileLabel} names the file in problems. */
    public static Scenario parse(String fileLabel, String name, String source) throws ScenarioParseException {
        List<ScenarioLine> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new StringReader(source))) {
            String raw;
            int number = 0;
            while ((raw = r.readLine()) != null) {
                number++;
                try {
                    ScenarioLine l = parseLine(number, raw);
                    if (l != null) {
                        lines.add(l);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(fileLabel + ":" + number + ": " + e.getMessage() + ": " + raw.strip());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringReader does not fail
        }
        if (!problems.isEmpty()) {
            throw new ScenarioParseException(problems);
        }
        return new Scenario(name, fileLabel, lines);
    }

    /**
     * One line: null for blank and comment lines, else the parsed line.
     *
     * @throws IllegalArgumentException with the problem (without file and line) when it is bad
     */
    public static ScenarioLine parseLine(int number, String raw) {
        String t = raw.strip();
        if (t.isEmpty() || t.startsWith("#")) {
            return null;
        }
        List<String> tok = new ArrayList<>(Arrays.asList(BLANKS.split(t)));
        String cmd = tok.removeFirst();
        return switch (cmd) {
            case "ipvsadm" -> new ScenarioLine.Ipvsadm(number, t, tok);
            case "sysctl" -> sysctl(number, t);
            case "connect" -> connect(number, t, tok);
            case "close", "reset" -> {
                Endpoint c = tok.size() == 1 ? Endpoint.tryParse(tok.getFirst(), true) : null;
                if (c == null) {
                    throw new IllegalArgumentException("expected " + cmd + " CLIENT");
                }
                yield new ScenarioLine.Finish(number, t, c, cmd.equals("reset"));
            }
            case "sleep" -> {
                if (tok.size() != 1 || !SECONDS.matcher(tok.getFirst()).matches()) {
                    throw new IllegalArgumentException("expected sleep SECONDS");
                }
                yield new ScenarioLine.Sleep(number, t, seconds(tok.getFirst()));
            }
            default -> throw new IllegalArgumentException("unknown command '" + cmd + "'");
        };
    }

    private static ScenarioLine sysctl(int number, String t) {
        Matcher m = SYSCTL.matcher(t.substring("sysctl".length()).strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected sysctl NAME=VALUE");
        }
        String n = m.group(1);
        // net.ipv4.vs.NAME and net/ipv4/vs/NAME mean the same file as NAME
        if (n.matches("net[./]ipv4[./]vs[./].*")) {
            n = n.substring("net.ipv4.vs.".length());
        }
        return new ScenarioLine.Sysctl(number, t, n.replace('.', '/'), m.group(2));
    }

    private static ScenarioLine connect(int number, String t, List<String> tok) {
        boolean udp = !tok.isEmpty() && tok.getFirst().equals("-u");
        if (udp) {
            tok.removeFirst();
        }
        ConnectMode mode = tok.size() == 3 ? ConnectMode.ofKeyword(tok.get(2)) : ConnectMode.HOLD;
        if (tok.size() < 2 || tok.size() > 3 || mode == null) {
            throw new IllegalArgumentException("expected connect [-u] CLIENT VIP [hold|close|reset]");
        }
        Endpoint c = Endpoint.tryParse(tok.get(0), true);
        Endpoint v = Endpoint.tryParse(tok.get(1), true);
        if (c == null || v == null) {
            throw new IllegalArgumentException("bad address (a.b.c.d:port or [v6]:port)");
        }
        if (c.address().isV6() != v.address().isV6()) {
            throw new IllegalArgumentException("client and VIP of different families");
        }
        return new ScenarioLine.Connect(number, t, udp, c, v, mode);
    }

    /** Decimal seconds to nanoseconds, exactly (no binary floating point). */
    static long seconds(String text) {
        return new java.math.BigDecimal(text.endsWith(".") ? text + "0" : text)
                .movePointRight(9).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
    }
}
