package org.lvslab.workloads.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.lvslab.engine.RandomStream;
import org.lvslab.engine.RandomStreams;
import org.lvslab.ipvs.Protocol;
import org.lvslab.workloads.AdminTimeline;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.ConnectionSource;
import org.lvslab.workloads.Endpoint;
import org.lvslab.workloads.TimeText;
import org.lvslab.workloads.TraceFormat;
import org.lvslab.workloads.TraceOptions;

/**
 * A synthetic workload described in a few words, on the command line or in a file:
 *
 * <pre>
 * seed=42 length=1h
 * arrivals=diurnal(mean=300,amplitude=0.6,period=24h,peak=14h)
 * durations=lognormal(median=800ms,sigma=1.2)
 * clients=zipf(172.16.0.0/16,n=20000,s=1.1)
 * service=tcp(10.0.0.1:80,weight=9) service=udp(10.0.0.2:53,weight=1)
 * bytes-out=pareto(min=2000,alpha=1.3)
 * </pre>
 *
 * Items are {@code key=value}, separated by blanks, {@code ;} or newlines; {@code #} starts a
 * comment. The full grammar with every option is in docs/workloads.md. Unknown keys or arguments
 * are errors. {@link #open()} gives a fresh source; every call yields the same records.
 */
public final class WorkloadSpec {
    private static final List<String> KEYS = List.of("seed", "length", "count", "arrivals", "durations", "clients", "clients6",
            "ports", "service", "bytes-in", "bytes-out");

    private final String text;
    private final long seed;
    private final long lengthNs;
    private final long count;
    private final Map<String, Call> calls = new LinkedHashMap<>();
    private final List<Call> services = new ArrayList<>();
    private long[] empirical; // durations read once from a trace, reused by every open()

    private WorkloadSpec(String text) {
        this.text = text;
        long seedV = 1;
        long len = Long.MAX_VALUE;
        long cnt = Long.MAX_VALUE;
        for (String item : items(text)) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got \"" + item + "\" (keys: " + String.join(", ", KEYS) + ")");
            }
            String key = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = item.substring(eq + 1).trim();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key \"" + key + "\" (keys: " + String.join(", ", KEYS) + ")");
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException(key + ": empty value");
            }
            switch (key) {
                case "seed" -> {
                    try {
                        seedV = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("seed must be an integer: \"" + value + "\"");
                    }
                }
                case "length" -> len = TimeText.parseNs(value);
                case "count" -> {
                    try {
                        cnt = Long.parseLong(value.replace("_", ""));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("count must be an integer: \"" + value + "\"");
                    }
                    if (cnt < 0) {
                        throw new IllegalArgumentException("count must be >= 0");
                    }
                }
                case "service" -> services.add(Call.parse(key, value));
                default -> {
                    if (calls.put(key, Call.parse(key, value)) != null) {
                        throw new IllegalArgumentException(key + " given twice");
                    }
                }
            }
        }
        if (len == Long.MAX_VALUE && cnt == Long.MAX_VALUE) {
            throw new IllegalArgumentException("give length=DURATION and/or count=N, or the workload never ends");
        }
        this.seed = seedV;
        this.lengthNs = len;
        this.count = cnt;
        build(); // validate everything now, not at the first record
    }

    /** Parses a spec; errors are IllegalArgumentException with a message naming the key. */
    public static WorkloadSpec parse(String text) {
        return new WorkloadSpec(text);
    }

    /** A spec from a file if {@code arg} names an existing file, else {@code arg} itself is the spec. */
    public static WorkloadSpec fromArgument(String arg) throws IOException {
        Path p = Path.of(arg);
        if (!arg.contains("=") && Files.isRegularFile(p)) {
            return parse(Files.readString(p, StandardCharsets.UTF_8));
        }
        if (!arg.contains("=")) {
            throw new IllegalArgumentException("\"" + arg + "\" is neither a spec (key=value ...) nor a readable file");
        }
        return parse(arg);
    }

    private static List<String> items(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        boolean comment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (comment) {
                if (c == '\n') {
                    comment = false;
                } else {
                    continue;
                }
            }
            if (c == '#') {
                comment = true;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    throw new IllegalArgumentException("unbalanced ')' in spec");
                }
            }
            if (depth == 0 && (Character.isWhitespace(c) || c == ';')) {
                if (!cur.isEmpty()) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else if (depth > 0 && Character.isWhitespace(c)) {
                // blanks inside parentheses are insignificant
            } else {
                cur.append(c);
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced '(' in spec");
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    public long seed() { return seed; }
    public long lengthNs() { return lengthNs; }
    public long count() { return count; }
    public String text() { return text; }

    /** A fresh source: the same records on every call. */
    public ConnectionSource open() {
        return new SyntheticSource(build(), count, lengthNs);
    }

    /** The long-run mean arrival rate of the spec's arrival process (per second). */
    public double meanRate() {
        return build().arrivals().meanRate();
    }

    record Built(ArrivalProcess arrivals, ServiceMix services, ClientPopulation clients, ClientPopulation clients6, EphemeralPorts ports,
            ValueSampler durations, ValueSampler bytesIn, ValueSampler bytesOut) {
    }

    private Built build() {
        RandomStreams rs = new RandomStreams(seed);
        ServiceMix mix = services(rng(rs, "services"));
        ClientPopulation v4 = clients(get("clients", "uniform(172.16.0.0/12)"), rng(rs, "clients"));
        ClientPopulation v6 = calls.containsKey("clients6") ? clients(calls.get("clients6"), rng(rs, "clients6")) : null;
        if (v4.isV6()) {
            throw new IllegalArgumentException("clients: give an IPv4 range (IPv6 clients go in clients6=)");
        }
        if (v6 != null && !v6.isV6()) {
            throw new IllegalArgumentException("clients6: give an IPv6 range");
        }
        for (ServiceMix.Entry e : mix.entries()) {
            if (e.vip().isV6() && v6 == null) {
                throw new IllegalArgumentException("service " + org.lvslab.workloads.Endpoint.format(e.vip(), e.vport())
                        + " is IPv6: give its clients with clients6=uniform(fd00:c::/64) or zipf(...)");
            }
        }
        Built b = new Built(
                arrivals(get("arrivals", "poisson(rate=100)"), rng(rs, "arrivals")),
                mix,
                v4,
                v6,
                ports(get("ports", "linux"), rs.stream("ports")),
                duration(get("durations", "exp(mean=1s)"), 1e9, rng(rs, "durations"), rs),
                calls.containsKey("bytes-in") ? duration(calls.get("bytes-in"), 1, rng(rs, "bytes-in"), rs) : null,
                calls.containsKey("bytes-out") ? duration(calls.get("bytes-out"), 1, rng(rs, "bytes-out"), rs) : null);
        return b;
    }

    private Call get(String key, String fallback) {
        Call c = calls.get(key);
        return c != null ? c : Call.parse(key, fallback);
    }

    private static RandomGenerator rng(RandomStreams rs, String name) {
        return new StreamRandomGenerator(rs.stream(name));
    }

    private static ArrivalProcess arrivals(Call c, RandomGenerator rng) {
        ArrivalProcess a = switch (c.name) {
            case "poisson" -> new ArrivalProcess.Poisson(c.toNumber("rate", c.namedOrFirst("rate", null)), rng);
            case "onoff" -> new ArrivalProcess.Mmpp(new double[] {c.number("rate", null), 0},
                    new long[] {c.timeNs("on", null), c.timeNs("off", null)}, rng);
            case "mmpp" -> {
                String[] rates = c.named("rates", null).split("/");
                String[] dwell = c.named("dwell", null).split("/");
                if (rates.length != dwell.length) {
                    throw new IllegalArgumentException("arrivals=mmpp: rates and dwell need the same number of states");
                }
                double[] r = new double[rates.length];
                long[] d = new long[dwell.length];
                for (int i = 0; i < r.length; i++) {
                    r[i] = c.toNumber("rates", rates[i]);
                    d[i] = c.toTime("dwell", dwell[i]);
                }
                yield new ArrivalProcess.Mmpp(r, d, rng);
            }
            case "diurnal" -> new ArrivalProcess.Thinned(new ArrivalProcess.Diurnal(c.number("mean", null),
                    c.number("amplitude", "0.5"), c.timeNs("period", "24h"), c.timeNs("peak", "14h")), rng);
            case "table" -> {
                List<Long> ts = new ArrayList<>();
                List<Double> rs = new ArrayList<>();
                long repeat = 0;
                for (Call.Arg arg : c.args) {
                    if (arg.key() == null) {
                        throw new IllegalArgumentException("arrivals=table: expected TIME=RATE, got \"" + arg.value() + "\"");
                    }
                    if (arg.key().equals("repeat")) {
                        repeat = c.toTime("repeat", arg.value());
                        continue;
                    }
                    ts.add(c.toTime("time", arg.key()));
                    rs.add(c.toNumber("rate", arg.value()));
                }
                c.markAllUsed();
                yield new ArrivalProcess.Thinned(new ArrivalProcess.RateTable(ts.stream().mapToLong(Long::longValue).toArray(),
                        rs.stream().mapToDouble(Double::doubleValue).toArray(), repeat), rng);
            }
            default -> throw new IllegalArgumentException("arrivals: unknown process \"" + c.name
                    + "\" (poisson, onoff, mmpp, diurnal, table)");
        };
        c.requireAllUsed();
        return a;
    }

    private ValueSampler duration(Call c, double unit, RandomGenerator rng, RandomStreams rs) {
        boolean time = unit != 1;
        java.util.function.BiFunction<String, String, Double> val = (k, fb) -> {
            String v = c.named(k, fb);
            return time ? c.toTime(k, v) / 1e9 : c.toNumber(k, v);
        };
        ValueSampler s = switch (c.name) {
            case "exp", "exponential" -> ValueSampler.exponential(positive(c, "mean", val.apply("mean", null)), unit, rng);
            case "lognormal" -> ValueSampler.lognormal(positive(c, "median", val.apply("median", null)),
                    positive(c, "sigma", c.number("sigma", "1")), unit, rng);
            case "pareto" -> ValueSampler.pareto(positive(c, "min", val.apply("min", null)),
                    positive(c, "alpha", c.number("alpha", "1.5")), unit, rng);
            case "const", "constant" -> {
                String v = c.namedOrFirst("value", null);
                yield ValueSampler.constant(time ? c.toTime("value", v) : (long) c.toNumber("value", v));
            }
            case "empirical" -> {
                if (!time) {
                    throw new IllegalArgumentException(c.key + ": empirical is for durations only");
                }
                String file = c.namedOrFirst("file", null);
                String format = c.named("format", "auto");
                if (empirical == null) {
                    empirical = readDurations(Path.of(file), format, rs.stream("empirical-reservoir"));
                }
                yield ValueSampler.empirical(empirical, rng);
            }
            default -> throw new IllegalArgumentException(c.key + ": unknown distribution \"" + c.name
                    + "\" (exp, lognormal, pareto, const" + (time ? ", empirical" : "") + ")");
        };
        c.requireAllUsed();
        return s;
    }

    private static double positive(Call c, String k, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(c.what() + ": " + k + " must be > 0");
        }
        return v;
    }

    /** Up to {@value #RESERVOIR} known durations of a trace, by seeded reservoir sampling. */
    static final int RESERVOIR = 100_000;

    private static long[] readDurations(Path file, String format, RandomStream rnd) {
        long[] res = new long[RESERVOIR];
        long seen = 0;
        TraceOptions opt = TraceOptions.defaults();
        try (ConnectionSource src = format.equals("auto") ? TraceFormat.openAuto(file, opt)
                : TraceFormat.parse(format).open(file, opt)) {
            ConnectionRecord r = new ConnectionRecord();
            while (src.next(r)) {
                if (!r.hasDuration()) {
                    continue;
                }
                if (seen < RESERVOIR) {
                    res[(int) seen] = r.durationNs();
                } else {
                    long j = Long.remainderUnsigned(rnd.nextLong(), seen + 1);
                    if (j < RESERVOIR) {
                        res[(int) j] = r.durationNs();
                    }
                }
                seen++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("durations=empirical: " + e.getMessage(), e);
        }
        return java.util.Arrays.copyOf(res, (int) Math.min(seen, RESERVOIR));
    }

    private ServiceMix services(RandomGenerator rng) {
        List<ServiceMix.Entry> es = new ArrayList<>();
        List<Call> list = services.isEmpty() ? List.of(Call.parse("service", "tcp(10.0.0.1:80)")) : services;
        for (Call c : list) {
            Protocol p = AdminTimeline.protocol(c.name);
            String addr = c.positional(0, null);
            Endpoint e = Endpoint.tryParse(addr, false);
            if (e == null) {
                throw new IllegalArgumentException("service=" + c.name + ": bad address \"" + addr + "\" (ADDR:PORT or [V6]:PORT)");
            }
            double w = c.number("weight", "1");
            double mark = c.number("fwmark", "0");
            if (mark < 0 || mark > 0xffffffffL || mark != Math.rint(mark)) {
                throw new IllegalArgumentException("service: fwmark must be an integer 0..4294967295");
            }
            c.requireAllUsed();
            es.add(new ServiceMix.Entry(p, e.address(), e.port(), (int) (long) mark, w));
        }
        return new ServiceMix(es, rng);
    }

    private static ClientPopulation clients(Call c, RandomGenerator rng) {
        ClientPopulation p = switch (c.name) {
            case "uniform" -> ClientPopulation.uniform(c.namedOrFirst("range", null), rng);
            case "zipf" -> {
                double n = c.number("n", "10000");
                if (n != Math.rint(n) || n < 1 || n > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("clients=zipf: n must be a positive integer");
                }
                yield ClientPopulation.zipf(c.namedOrFirst("range", null), (int) n, c.number("s", "1"), rng);
            }
            default -> throw new IllegalArgumentException("clients: unknown population \"" + c.name + "\" (uniform, zipf)");
        };
        c.requireAllUsed();
        return p;
    }

    private static EphemeralPorts ports(Call c, RandomStream rnd) {
        if (!c.name.equals("linux")) {
            throw new IllegalArgumentException("ports: unknown model \"" + c.name + "\" (linux)");
        }
        double lo = c.number("low", "32768");
        double hi = c.number("high", "60999");
        c.requireAllUsed();
        return new EphemeralPorts((int) lo, (int) hi, rnd);
    }
}
