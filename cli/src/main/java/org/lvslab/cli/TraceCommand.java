package org.lvslab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lvslab.workloads.ConnectionSource;
import org.lvslab.workloads.Endpoint;
import org.lvslab.workloads.OnError;
import org.lvslab.workloads.ReadReport;
import org.lvslab.workloads.TimeText;
import org.lvslab.workloads.TraceFormat;
import org.lvslab.workloads.TraceFormatException;
import org.lvslab.workloads.TraceOptions;
import org.lvslab.workloads.csv.CsvTraceWriter;
import org.lvslab.workloads.stats.TraceStats;
import org.lvslab.workloads.synth.WorkloadSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lvslab trace stats|convert|generate}. Exit status: 0 success, 1 bad input (the message
 * names the file and the line or byte offset), 2 usage error (bad option, bad spec).
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Read, convert and generate connection traces.",
        subcommands = {TraceCommand.Stats.class, TraceCommand.Convert.class, TraceCommand.Generate.class})
public final class TraceCommand implements Runnable {
    static final int BAD_INPUT = 1;
    static final int USAGE = 2;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reader options shared by stats and convert. */
    static final class ReadOptions {
        @Option(names = "--format", paramLabel = "F", description = "csv, nginx, apache, conntrack, pcap, ipvsadm-lcn, wc98 (default: detected from content)")
        String format;

        @Option(names = "--log-format", paramLabel = "STR", description = "access logs: the nginx log_format or Apache LogFormat string, "
                + "or a predefined name (combined, main, common, combinedio, vhost_combined); default: recognised from the lines")
        String logFormat;

        @Option(names = "--on-error", paramLabel = "stop|skip", defaultValue = "stop",
                description = "stop at the first bad record (default), or skip bad records and count them")
        String onError;

        @Option(names = "--reorder-window", paramLabel = "DUR", description = "access logs: how far out of start order requests may be logged; "
                + "pcap: how far packet times may go backwards (several interfaces) (default 60s)")
        String reorderWindow;

        @Option(names = "--keepalive-idle", paramLabel = "DUR", description = "access logs: a connection with no request for this long has ended (default 75s)")
        String keepaliveIdle;

        @Option(names = "--udp-idle", paramLabel = "DUR", description = "pcap: a UDP flow silent this long has ended (default 30s)")
        String udpIdle;

        @Option(names = "--tcp-idle", paramLabel = "DUR", description = "pcap: a TCP connection silent this long without FIN/RST has ended (default 900s)")
        String tcpIdle;

        @Option(names = "--max-pending", paramLabel = "N", description = "at most N connections are held back behind one still open "
                + "(to hand them out in start order); past that the open one is handed out early with an unknown duration (default 1000000)")
        Integer maxPending;

        @Option(names = "--service", paramLabel = "ADDR:PORT", description = "virtual service for formats that do not record it (wc98, access logs without $server_addr; default 10.0.0.1:80)")
        String service;

        TraceOptions options() {
            TraceOptions o = TraceOptions.defaults().withOnError(OnError.parse(onError)).withLogFormat(logFormat);
            if (reorderWindow != null) {
                o = o.withReorderWindowNs(TimeText.parseNs(reorderWindow));
            }
            if (keepaliveIdle != null) {
                o = o.withKeepaliveIdleNs(TimeText.parseNs(keepaliveIdle));
            }
            if (udpIdle != null) {
                o = o.withUdpIdleNs(TimeText.parseNs(udpIdle));
            }
            if (tcpIdle != null) {
                o = o.withTcpIdleNs(TimeText.parseNs(tcpIdle));
            }
            if (service != null) {
                o = o.withDefaultService(Endpoint.parse(service));
            }
            if (maxPending != null) {
                o = o.withMaxPending(maxPending);
            }
            return o;
        }

        ConnectionSource open(Path file) throws IOException {
            TraceOptions o = options();
            return format == null ? TraceFormat.openAuto(file, o) : TraceFormat.parse(format).open(file, o);
        }
    }

    /** Runs a body, mapping failures to the documented exit statuses. */
    static int guarded(CommandLine cl, IoBody body) {
        PrintWriter err = cl.getErr();
        try {
            return body.run();
        } catch (TraceFormatException e) {
            err.println("lvslab trace: " + e.getMessage());
            return BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("lvslab trace: " + e.getMessage());
            return USAGE;
        } catch (UncheckedIOException e) {
            err.println("lvslab trace: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("lvslab trace: " + e);
            return BAD_INPUT;
        } finally {
            err.flush();
        }
    }

    interface IoBody {
        int run() throws IOException;
    }

    interface SourceBody {
        void run(ConnectionSource src) throws IOException;
    }

    /** Opens FILE with the reader options, runs {@code body} on it, then prints the reader's report. */
    static int readThenReport(CommandLine cl, ReadOptions read, Path file, SourceBody body) {
        return guarded(cl, () -> {
            try (ConnectionSource src = read.open(file)) {
                body.run(src);
                printReport(cl, src.report());
            }
            return 0;
        });
    }

    static void printReport(CommandLine cl, ReadReport r) {
        for (String line : r.describe()) {
            cl.getErr().println(line);
        }
        cl.getErr().flush();
    }

    static void printWrote(CommandLine cl, long n, Path out) {
        cl.getOut().println("wrote " + n + " connections to " + out);
        cl.getOut().flush();
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Summarise a trace: connections, time span, rate over time, clients, duration percentiles.")
    static final class Stats implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ReadOptions read = new ReadOptions();

        @Option(names = "--rows", defaultValue = "24", description = "rows of the rate-over-time table (default 24)")
        int rows;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            return readThenReport(cl, read, file, src -> {
                TraceStats s = TraceStats.of(src);
                PrintWriter out = cl.getOut();
                out.println("trace            " + file);
                if (src.originEpochNs() != ConnectionSource.NO_ORIGIN) {
                    out.println("origin           " + java.time.Instant.ofEpochSecond(0, src.originEpochNs()));
                }
                s.describe(Math.max(1, rows)).forEach(out::println);
                out.flush();
            });
        }
    }

    @Command(name = "convert", mixinStandardHelpOptions = true, description = "Convert any supported trace to the canonical lvslab CSV (one header line, one line per connection).")
    static final class Convert implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ReadOptions read = new ReadOptions();

        @Parameters(index = "0", paramLabel = "IN")
        Path in;

        @Parameters(index = "1", paramLabel = "OUT.csv")
        Path out;

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            return readThenReport(cl, read, in, src -> {
                Path tmp = out.resolveSibling(out.getFileName() + ".part");
                long n;
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    n = CsvTraceWriter.copy(src, os);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(tmp); // nothing half-written is left behind
                    throw e;
                }
                Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                printWrote(cl, n, out);
            });
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate a synthetic trace from a workload spec (text or file; see docs/workloads.md).")
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SPEC", description = "a spec such as \"seed=1 count=1000 arrivals=poisson(rate=100)\", or a file holding one")
        String specText;

        @Parameters(index = "1", paramLabel = "OUT.csv")
        Path out;

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            return guarded(cl, () -> {
                WorkloadSpec w = WorkloadSpec.fromArgument(specText);
                long n;
                try (ConnectionSource src = w.open(); OutputStream os = Files.newOutputStream(out)) {
                    n = CsvTraceWriter.copy(src, os);
                }
                printWrote(cl, n, out);
                return 0;
            });
        }
    }
}
