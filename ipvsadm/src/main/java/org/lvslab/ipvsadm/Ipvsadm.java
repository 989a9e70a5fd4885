package org.lvslab.ipvsadm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lvslab.ipvs.AddressFamily;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.ForwardingMethod;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceFlags;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.ipvsadm.ErrnoText.Request;
import org.lvslab.ipvsadm.Popt.Arg;
import org.lvslab.ipvsadm.Popt.Option;
import org.lvslab.ipvs.DaemonConfig;
import org.lvslab.ipvsadm.kernel.IpvsKernel;
import org.lvslab.ipvsadm.names.InetText;

/**
 * The ipvsadm 1.31 front end: one invocation, with ipvsadm's processing order (first option a
 * command, options validated left to right as they are seen, then the {@code --set} words, stray
 * words, scheduler flags, the command/option matrix, per-command checks, and the kernel request),
 * its messages, its output formats and its exit statuses (0; 2 validation; 255 kernel error,
 * try-help or option-parser error; 1 listing failure). Behaviour follows
 * {@code docs/ipvsadm.md}; the quirks reproduced on purpose are listed there.
 */
public final class Ipvsadm {
    // commands (message names in CMD_NAMES, index = command - 1)
    static final int CMD_NONE = 0, CMD_ADD = 1, CMD_EDIT = 2, CMD_DEL = 3, CMD_FLUSH = 4, CMD_LIST = 5,
            CMD_ADDDEST = 6, CMD_DELDEST = 7, CMD_EDITDEST = 8, CMD_TIMEOUT = 9, CMD_STARTDAEMON = 10,
            CMD_STOPDAEMON = 11, CMD_RESTORE = 12, CMD_SAVE = 13, CMD_ZERO = 14;
    private static final String[] CMD_NAMES = {"add-service", "edit-service", "delete-service", "flush", "list",
        "add-server", "delete-server", "edit-server", "set", "start-daemon", "stop-daemon", "restore", "save", "zero"};

    // option indices (bit i of the option set), in the order the matrix is checked
    static final int O_NUMERIC = 0, O_CONNECTION = 1, O_SERVICE = 2, O_SCHEDULER = 3, O_PERSISTENT = 4,
            O_NETMASK = 5, O_SERVER = 6, O_FORWARD = 7, O_WEIGHT = 8, O_UTHRESHOLD = 9, O_LTHRESHOLD = 10,
            O_MCAST = 11, O_TIMEOUT = 12, O_DAEMON = 13, O_STATS = 14, O_RATE = 15, O_THRESHOLDS = 16,
            O_PERSISTENTCONN = 17, O_NOSORT = 18, O_SYNCID = 19, O_EXACT = 20, O_ONEPACKET = 21, O_PE = 22,
            O_SCHED_FLAGS = 23, O_MCAST_GROUP = 24, O_MCAST_PORT = 25, O_MCAST_TTL = 26, O_SYNC_MAXLEN = 27,
            O_TUN_INFO = 28, O_TUN_TYPE = 29, O_TUN_PORT = 30, O_TUN_NOCSUM = 31, O_TUN_CSUM = 32,
            O_TUN_REMCSUM = 33;
    private static final int NUMBER_OF_OPT = 34;
    private static final String[] OPT_NAMES = {"numeric", "connection", "service-address", "scheduler",
        "persistent", "netmask", "real-server", "forwarding-method", "weight", "u-threshold", "l-threshold",
        "mcast-interface", "timeout", "daemon", "stats", "rate", "thresholds", "persistent-conn", "nosort",
        "syncid", "exact", "ops", "pe", "sched-flags", "mcast-group", "mcast-port", "mcast-ttl", "sync-maxlen",
        "tun-info", "tun-type", "tun-port", "tun-nocsum", "tun-csum", "tun-remcsum"};

    /**
     * Which options each command takes: '+' mandatory, 'x' illegal, '1' at most one of the
     * group, ' ' optional. Rows by command, columns by option index.
     */
    private static final String[] MATRIX = {
        //          1111111111222222222233333
        //01234567890123456789012345678901234
        "xx+   xxxxxxxxxxxxxxx   xxxxxxxxxx", // add-service
        "xx+   xxxxxxxxxxxxxxx   xxxxxxxxxx", // edit-service
        "xx+xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // delete-service
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // flush
        " 11xxxxxxxxx11       xxxxxxx xxxxx", // list
        "xx+xxx+    xxxxxxxxxxxxxxxxxx     ", // add-server
        "xx+xxx+xxxxxxxxxxxxxxxxxxxxxxxxxxx", // delete-server
        "xx+xxx+    xxxxxxxxxxxxxxxxxx     ", // edit-server
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // set
        "xxxxxxxxxxx xxxxxxx xxxx    xxxxxx", // start-daemon
        "xxxxxxxxxxxxxxxxxxx xxxxxxxxxxxxxx", // stop-daemon
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // restore
        " xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // save
        "xx xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // zero
    };

    // tunnel types and the options checked against them (tun-port, tun-nocsum, tun-csum, tun-remcsum)
    private static final String[] TUN_NAMES = {"ipip", "gue", "gre"};
    private static final int[] TUN_OPTS = {O_TUN_PORT, O_TUN_NOCSUM, O_TUN_CSUM, O_TUN_REMCSUM};
    private static final String[] TUN_MATRIX = {"xxxx", "+111", "x11x"};

    // option values returned by the scanner for long-only options
    private static final int TAG_SET = 128, TAG_START_DAEMON = 129, TAG_STOP_DAEMON = 130,
            TAG_MCAST_INTERFACE = 131, TAG_TIMEOUT = 132, TAG_DAEMON = 133, TAG_STATS = 134, TAG_RATE = 135,
            TAG_THRESHOLDS = 136, TAG_PERSISTENTCONN = 137, TAG_SORT = 138, TAG_NO_SORT = 139, TAG_PE = 140,
            TAG_SCTP_SERVICE = 141, TAG_MCAST_GROUP = 142, TAG_MCAST_PORT = 143, TAG_MCAST_TTL = 144,
            TAG_SYNC_MAXLEN = 145, TAG_TUN_INFO = 146, TAG_TUN_TYPE = 147, TAG_TUN_PORT = 148,
            TAG_TUN_NOCSUM = 149, TAG_TUN_CSUM = 150, TAG_TUN_REMCSUM = 151;

    private static final List<Option> OPTIONS = List.of(
            new Option("add-service", 'A', Arg.NONE, 'A'),
            new Option("edit-service", 'E', Arg.NONE, 'E'),
            new Option("delete-service", 'D', Arg.NONE, 'D'),
            new Option("clear", 'C', Arg.NONE, 'C'),
            new Option("list", 'L', Arg.NONE, 'L'),
            new Option("list", 'l', Arg.NONE, 'l'),
            new Option("zero", 'Z', Arg.NONE, 'Z'),
            new Option("add-server", 'a', Arg.NONE, 'a'),
            new Option("edit-server", 'e', Arg.NONE, 'e'),
            new Option("delete-server", 'd', Arg.NONE, 'd'),
            new Option("set", (char) 0, Arg.NONE, TAG_SET),
            new Option("help", 'h', Arg.NONE, 'h'),
            new Option("version", 'v', Arg.NONE, 'v'),
            new Option("restore", 'R', Arg.NONE, 'R'),
            new Option("save", 'S', Arg.NONE, 'S'),
            new Option("start-daemon", (char) 0, Arg.REQUIRED, TAG_START_DAEMON),
            new Option("stop-daemon", (char) 0, Arg.REQUIRED, TAG_STOP_DAEMON),
            new Option("tcp-service", 't', Arg.REQUIRED, 't'),
            new Option("udp-service", 'u', Arg.REQUIRED, 'u'),
            new Option("sctp-service", (char) 0, Arg.REQUIRED, TAG_SCTP_SERVICE),
            new Option("fwmark-service", 'f', Arg.REQUIRED, 'f'),
            new Option("scheduler", 's', Arg.REQUIRED, 's'),
            new Option("persistent", 'p', Arg.OPTIONAL, 'p'),
            new Option("netmask", 'M', Arg.REQUIRED, 'M'),
            new Option("real-server", 'r', Arg.REQUIRED, 'r'),
            new Option("masquerading", 'm', Arg.NONE, 'm'),
            new Option("ipip", 'i', Arg.NONE, 'i'),
            new Option("gatewaying", 'g', Arg.NONE, 'g'),
            new Option("weight", 'w', Arg.REQUIRED, 'w'),
            new Option("u-threshold", 'x', Arg.REQUIRED, 'x'),
            new Option("l-threshold", 'y', Arg.REQUIRED, 'y'),
            new Option("numeric", 'n', Arg.NONE, 'n'),
            new Option("connection", 'c', Arg.NONE, 'c'),
            new Option("mcast-interface", (char) 0, Arg.REQUIRED, TAG_MCAST_INTERFACE),
            new Option("syncid", (char) 0, Arg.REQUIRED, 'I'),
            new Option("timeout", (char) 0, Arg.NONE, TAG_TIMEOUT),
            new Option("daemon", (char) 0, Arg.NONE, TAG_DAEMON),
            new Option("stats", (char) 0, Arg.NONE, TAG_STATS),
            new Option("rate", (char) 0, Arg.NONE, TAG_RATE),
            new Option("thresholds", (char) 0, Arg.NONE, TAG_THRESHOLDS),
            new Option("persistent-conn", (char) 0, Arg.NONE, TAG_PERSISTENTCONN),
            new Option("nosort", (char) 0, Arg.NONE, TAG_NO_SORT),
            new Option("sort", (char) 0, Arg.NONE, TAG_SORT),
            new Option("exact", 'X', Arg.NONE, 'X'),
            new Option("ipv6", '6', Arg.NONE, '6'),
            new Option("ops", 'o', Arg.NONE, 'o'),
            new Option("pe", (char) 0, Arg.REQUIRED, TAG_PE),
            new Option("sched-flags", 'b', Arg.REQUIRED, 'b'),
            new Option("mcast-group", (char) 0, Arg.REQUIRED, TAG_MCAST_GROUP),
            new Option("mcast-port", (char) 0, Arg.REQUIRED, TAG_MCAST_PORT),
            new Option("mcast-ttl", (char) 0, Arg.REQUIRED, TAG_MCAST_TTL),
            new Option("sync-maxlen", (char) 0, Arg.REQUIRED, TAG_SYNC_MAXLEN),
            new Option("tun-info", (char) 0, Arg.NONE, TAG_TUN_INFO),
            new Option("tun-type", (char) 0, Arg.REQUIRED, TAG_TUN_TYPE),
            new Option("tun-port", (char) 0, Arg.REQUIRED, TAG_TUN_PORT),
            new Option("tun-nocsum", (char) 0, Arg.NONE, TAG_TUN_NOCSUM),
            new Option("tun-csum", (char) 0, Arg.NONE, TAG_TUN_CSUM),
            new Option("tun-remcsum", (char) 0, Arg.NONE, TAG_TUN_REMCSUM));

    static final int AF_UNSPEC = 0, AF_INET = 2, AF_INET6 = 10;
    static final int IPPROTO_IP = 0, IPPROTO_TCP = 6, IPPROTO_UDP = 17, IPPROTO_SCTP = 132;
    private static final int SERVICE_ADDR = 1, SERVICE_PORT = 2;
    private static final int MAX_TIMEOUT = 86400 * 31;
    /** {@code IPVS_SVC_PERSISTENT_TIMEOUT}: what {@code -p} without a value means. */
    private static final int DEFAULT_PERSISTENCE = 360;
    static final String DEFAULT_SCHEDULER = "wlc";

    /** The virtual service being built (ipvsadm's {@code ipvs_service_t}). */
    static final class Svc implements Cloneable {
        int af;
        int protocol;
        IpAddress addr;          // null: all zero
        int port;
        long fwmark;
        String schedName = "";
        int flags;
        int timeout;
        int netmask = 0xffffffff;
        String peName = "";

        @Override
        public Svc clone() {
            try {
                return (Svc) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        ServiceKey key() {
            AddressFamily fam = af == AF_INET6 ? AddressFamily.INET6 : AddressFamily.INET;
            if (fwmark != 0) {
                return ServiceKey.ofFwmark(fam, (int) fwmark);
            }
            return new ServiceKey(fam, protocolOf(protocol), address(), port, 0);
        }

        IpAddress address() {
            if (addr != null) {
                return addr;
            }
            return af == AF_INET6 ? IpAddress.ofV6(0, 0) : IpAddress.ofV4(0);
        }

        boolean isZero() {
            return fwmark == 0 && port == 0 && (addr == null || (addr.hi() == 0 && addr.lo() == 0));
        }
    }

    private static Protocol protocolOf(int number) {
        return switch (number) {
            case IPPROTO_UDP -> Protocol.UDP;
            case IPPROTO_SCTP -> Protocol.SCTP;
            default -> Protocol.TCP;
        };
    }

    /** One parsed invocation (ipvsadm's {@code ipvs_command_entry} plus option and format sets). */
    private static final class Entry {
        int cmd = CMD_NONE;
        Svc svc = new Svc();
        int destAf;
        IpAddress destAddr;
        int destPort;
        int fwd = ForwardingMethod.DROUTE.code();
        int weight = 1;
        long uThreshold;
        long lThreshold;
        int tunType;
        int tunPort;
        int tunFlags;
        int tcpTimeout, tcpFinTimeout, udpTimeout;
        int daemonState;
        String mcastIfn = "";
        int syncId;
        IpAddress mcastGroup;
        int mcastPort, mcastTtl, syncMaxlen;
        long options;
        int format;
    }

    private final IpvsadmEnv env;
    private final IpvsKernel kernel;
    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    private final Listing listing;
    private RestoreReader restoreReader;

    private Ipvsadm(IpvsadmEnv env, InputStream stdin, PrintStream out, PrintStream err) {
        this.env = env;
        this.kernel = env.kernel();
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.listing = new Listing(env, out, err);
    }

    /**
     * Runs {@code ipvsadm ARGS…} and returns its exit status. {@code args} excludes the program
     * name (that is {@link IpvsadmEnv#programName()}); {@code stdin} is read only by {@code -R}.
     */
    public static int run(IpvsadmEnv env, List<String> args, InputStream stdin, PrintStream out, PrintStream err) {
        Ipvsadm a = new Ipvsadm(env, stdin, out, err);
        try {
            if (args.isEmpty()) {
                a.listing.listAll(Listing.FMT_NONE);
                return 0;
            }
            List<String> argv = new ArrayList<>(args.size() + 1);
            argv.add(env.programName());
            argv.addAll(args);
            return a.processOptions(argv, false) & 0xff;
        } catch (IpvsadmExit e) {
            return e.status & 0xff;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** What one {@code ipvsadm -R} line did: its exit status and its standard error, stripped. */
    public record Restored(int status, String stderr) {
    }

    /**
     * Feeds one rules line (ISO-8859-1, as a file's bytes) to {@code ipvsadm -R}; standard output
     * is discarded. For loaders that apply a rules file line by line to report the failing line.
     */
    public static Restored restoreLine(IpvsadmEnv env, String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            byte[] in = (line + "\n").getBytes(StandardCharsets.ISO_8859_1);
            status = run(env, List.of("-R"), new ByteArrayInputStream(in), o, e);
        }
        return new Restored(status, err.toString(StandardCharsets.UTF_8).strip());
    }

    /** Whether {@code args} would change the table if they succeed (for "listing on" in the shell). */
    public static boolean isChange(List<String> args) {
        if (args.isEmpty()) {
            return false;
        }
        String a = args.get(0);
        if (a.startsWith("--")) {
            String n = a.substring(2);
            int eq = n.indexOf('=');
            n = eq >= 0 ? n.substring(0, eq) : n;
            return switch (n) {
                case "add-service", "edit-service", "delete-service", "clear", "restore", "add-server",
                        "edit-server", "delete-server", "zero", "set", "start-daemon", "stop-daemon" -> true;
                default -> false;
            };
        }
        return a.length() > 1 && a.charAt(0) == '-' && "AEDCRaedZ".indexOf(a.charAt(1)) >= 0;
    }

    // ---- failure exits -------------------------------------------------------------------------

    private IpvsadmExit fail(int status, String message) {
        out.flush();
        err.print(message);
        err.print('\n');
        return new IpvsadmExit(status);
    }

    private IpvsadmExit tryHelp(String program) {
        return fail(255, "Try `" + program + " -h' or '" + program + " --help' for more information.");
    }

    // ---- processing ----------------------------------------------------------------------------

    private int processOptions(List<String> argv, boolean readingStdin) {
        Entry ce = new Entry();
        if (parseOptions(argv, ce) != 0) {
            return -1;
        }
        genericOptCheck(ce.cmd, ce.options);
        Svc svc = ce.svc;
        if (ce.cmd == CMD_ADD || ce.cmd == CMD_EDIT) {
            if (svc.fwmark == 0 && svc.port == 0 && (svc.flags & ServiceFlags.PERSISTENT) == 0) {
                throw fail(2, "Zero port specified for non-persistent service");
            }
            if ((svc.flags & ServiceFlags.ONEPACKET) != 0 && svc.fwmark == 0 && svc.protocol != IPPROTO_UDP) {
                throw fail(2, "One-Packet Scheduling is only for UDP virtual services");
            }
            if (svc.schedName.isEmpty()) {
                svc.schedName = DEFAULT_SCHEDULER;
            }
        }
        if (ce.cmd == CMD_STARTDAEMON && ce.mcastIfn.isEmpty()) {
            ce.mcastIfn = "eth0";
        }
        if (ce.cmd == CMD_ADDDEST || ce.cmd == CMD_EDITDEST) {
            int tunnel = ForwardingMethod.TUNNEL.code();
            if (svc.fwmark == 0 && (ce.fwd == tunnel || ce.fwd == ForwardingMethod.DROUTE.code())) {
                ce.destPort = svc.port;
            }
            if (ce.destAf != svc.af && ce.fwd != tunnel) {
                throw fail(2, "Different address family is allowed only for tunneling servers");
            }
            long tunnelOpts = bit(O_TUN_TYPE) | bit(O_TUN_PORT) | bit(O_TUN_NOCSUM) | bit(O_TUN_CSUM) | bit(O_TUN_REMCSUM);
            if ((ce.options & tunnelOpts) != 0 && ce.fwd != tunnel) {
                throw fail(2, "Tunnel options conflict with forward method");
            }
            tunnelOptCheck(ce.tunType, ce.options);
        }
        int errno = 0;
        Request request = null;
        switch (ce.cmd) {
            case CMD_LIST -> {
                long o = ce.options;
                boolean connTimeoutDaemon = (o & (bit(O_CONNECTION) | bit(O_TIMEOUT) | bit(O_DAEMON))) != 0;
                boolean views = (o & (bit(O_STATS) | bit(O_RATE) | bit(O_THRESHOLDS))) != 0;
                boolean timeoutDaemon = (o & (bit(O_TIMEOUT) | bit(O_DAEMON))) != 0;
                if ((connTimeoutDaemon && views) || (timeoutDaemon && (o & bit(O_PERSISTENTCONN)) != 0)) {
                    throw fail(2, "options conflicts in the list command");
                }
                if ((o & bit(O_CONNECTION)) != 0) {
                    listing.listConnections(ce.format);
                } else if ((o & bit(O_SERVICE)) != 0) {
                    listing.listService(svc.key(), ce.format);
                } else if ((o & bit(O_TIMEOUT)) != 0) {
                    listing.listTimeout();
                } else if ((o & bit(O_DAEMON)) != 0) {
                    listing.listDaemons();
                } else {
                    listing.listAll(ce.format);
                }
                return 0;
            }
            case CMD_RESTORE -> {
                return restoreTable(argv, readingStdin);
            }
            case CMD_SAVE -> {
                listing.listAll(ce.format | Listing.FMT_RULE);
                return 0;
            }
            case CMD_FLUSH -> {
                request = Request.FLUSH;
                errno = kernel.flush();
            }
            case CMD_ADD -> {
                request = Request.ADD_SERVICE;
                errno = kernel.addService(serviceConfig(svc));
            }
            case CMD_EDIT -> {
                request = Request.EDIT_SERVICE;
                errno = kernel.editService(serviceConfig(svc));
            }
            case CMD_DEL -> {
                request = Request.DELETE_SERVICE;
                errno = kernel.deleteService(svc.key());
            }
            case CMD_ZERO -> {
                request = Request.ZERO;
                errno = kernel.zero(svc.isZero() ? null : svc.key());
            }
            case CMD_ADDDEST -> {
                request = Request.ADD_DEST;
                errno = kernel.addDest(svc.key(), destConfig(ce));
            }
            case CMD_EDITDEST -> {
                request = Request.EDIT_DEST;
                errno = kernel.editDest(svc.key(), destConfig(ce));
            }
            case CMD_DELDEST -> {
                request = Request.DELETE_DEST;
                errno = kernel.deleteDest(svc.key(), destAddress(ce), ce.destPort);
            }
            case CMD_TIMEOUT -> {
                request = Request.SET_TIMEOUT;
                errno = kernel.setTimeouts(ce.tcpTimeout, ce.tcpFinTimeout, ce.udpTimeout);
            }
            case CMD_STARTDAEMON -> {
                request = Request.START_DAEMON;
                errno = kernel.startDaemon(new DaemonConfig(ce.daemonState, ce.mcastIfn, ce.syncId, ce.syncMaxlen,
                        ce.mcastGroup, ce.mcastPort, ce.mcastTtl));
            }
            case CMD_STOPDAEMON -> {
                request = Request.STOP_DAEMON;
                errno = kernel.stopDaemon(ce.daemonState);
            }
            default -> throw new IllegalStateException("no command");
        }
        if (errno != 0) {
            err.print(ErrnoText.message(request, errno));
            err.print('\n');
            return -1;
        }
        return 0;
    }

    private static ServiceConfig serviceConfig(Svc s) {
        return new ServiceConfig(s.key(), s.schedName, s.flags, s.timeout, s.netmask, s.peName);
    }

    private static IpAddress destAddress(Entry ce) {
        if (ce.destAddr != null) {
            return ce.destAddr;
        }
        return ce.destAf == AF_INET6 ? IpAddress.ofV6(0, 0) : IpAddress.ofV4(0);
    }

    private static DestConfig destConfig(Entry ce) {
        return new DestConfig(destAddress(ce), ce.destPort, ForwardingMethod.ofCode(ce.fwd), ce.weight,
                ce.uThreshold, ce.lThreshold, ce.tunType, ce.tunPort, ce.tunFlags);
    }

    private int restoreTable(List<String> argv, boolean readingStdin) {
        if (readingStdin) {
            throw tryHelp(argv.get(0));
        }
        if (restoreReader == null) {
            restoreReader = new RestoreReader(stdin);
        }
        int result = 0;
        List<String> line;
        while ((line = restoreReader.readLine(argv.get(0))) != null) {
            if (line.size() > 1) {
                result = processOptions(line, true);
            }
        }
        return result;
    }

    private static long bit(int opt) {
        return 1L << opt;
    }

    private void setCommand(Entry ce, int cmd) {
        if (ce.cmd != CMD_NONE) {
            throw fail(2, "multiple commands specified");
        }
        ce.cmd = cmd;
    }

    private void setOption(Entry ce, int opt) {
        if ((ce.options & bit(opt)) != 0) {
            throw fail(2, "multiple '" + OPT_NAMES[opt] + "' options specified");
        }
        ce.options |= bit(opt);
    }

    private int parseOptions(List<String> argv, Entry ce) {
        Popt popt = new Popt(OPTIONS, argv);
        String program = argv.get(0);
        int c = popt.nextOpt();
        if (c < 0) {
            throw tryHelp(program);
        }
        switch (c) {
            case 'A' -> setCommand(ce, CMD_ADD);
            case 'E' -> setCommand(ce, CMD_EDIT);
            case 'D' -> setCommand(ce, CMD_DEL);
            case 'a' -> setCommand(ce, CMD_ADDDEST);
            case 'e' -> setCommand(ce, CMD_EDITDEST);
            case 'd' -> setCommand(ce, CMD_DELDEST);
            case 'C' -> setCommand(ce, CMD_FLUSH);
            case 'L', 'l' -> setCommand(ce, CMD_LIST);
            case 'Z' -> setCommand(ce, CMD_ZERO);
            case TAG_SET -> setCommand(ce, CMD_TIMEOUT);
            case 'R' -> setCommand(ce, CMD_RESTORE);
            case 'S' -> setCommand(ce, CMD_SAVE);
            case TAG_START_DAEMON, TAG_STOP_DAEMON -> {
                setCommand(ce, c == TAG_START_DAEMON ? CMD_STARTDAEMON : CMD_STOPDAEMON);
                String a = popt.optArg();
                if (a.equals("master")) {
                    ce.daemonState = DaemonConfig.MASTER;
                } else if (a.equals("backup")) {
                    ce.daemonState = DaemonConfig.BACKUP;
                } else {
                    throw fail(2, c == TAG_START_DAEMON ? "illegal start-daemon parameter specified"
                            : "illegal start_daemon specified");
                }
            }
            case 'h' -> {
                out.print(HelpText.usage(program));
                throw new IpvsadmExit(0);
            }
            case 'v' -> {
                out.print(HelpText.VERSION_LINE);
                throw new IpvsadmExit(0);
            }
            default -> throw tryHelp(program);
        }

        String schedFlagsArg = "";
        Svc svc = ce.svc;
        while ((c = popt.nextOpt()) >= 0) {
            String optarg = popt.optArg();
            switch (c) {
                case 't', 'u', TAG_SCTP_SERVICE -> {
                    setOption(ce, O_SERVICE);
                    svc.protocol = c == 't' ? IPPROTO_TCP : c == 'u' ? IPPROTO_UDP : IPPROTO_SCTP;
                    if ((parseService(optarg, svc) & SERVICE_ADDR) == 0) {
                        throw fail(2, "illegal virtual server address[:port] specified");
                    }
                }
                case 'f' -> {
                    setOption(ce, O_SERVICE);
                    svc.af = AF_INET;
                    svc.protocol = IPPROTO_TCP;
                    svc.fwmark = parseFwmark(optarg);
                }
                case 's' -> {
                    setOption(ce, O_SCHEDULER);
                    svc.schedName = cut(optarg, 15);
                }
                case 'p' -> {
                    setOption(ce, O_PERSISTENT);
                    svc.flags |= ServiceFlags.PERSISTENT;
                    svc.timeout = parseTimeout(optarg, 1, MAX_TIMEOUT);
                }
                case 'M' -> {
                    setOption(ce, O_NETMASK);
                    if (svc.af != AF_INET6) {
                        IpAddress m = InetText.inetAton(optarg);
                        if (m == null) {
                            m = env.resolver().hostAddressV4(optarg);
                        }
                        if (m == null) {
                            throw fail(2, "illegal virtual server persistent mask specified");
                        }
                        svc.netmask = m.v4();
                    } else {
                        svc.netmask = atoi(optarg);
                        if (Integer.compareUnsigned(svc.netmask, 1) < 0 || Integer.compareUnsigned(svc.netmask, 128) > 0) {
                            throw fail(2, "illegal ipv6 netmask specified");
                        }
                    }
                }
                case 'r' -> {
                    setOption(ce, O_SERVER);
                    Svc t = svc.clone();
                    int parse = parseService(optarg, t);
                    ce.destAf = t.af;
                    ce.destAddr = t.addr;
                    ce.destPort = t.port;
                    if ((parse & SERVICE_ADDR) == 0) {
                        throw fail(2, "illegal real server address[:port] specified");
                    }
                    if (parse == SERVICE_ADDR) {
                        ce.destPort = svc.port;
                    }
                }
                case 'i' -> {
                    setOption(ce, O_FORWARD);
                    ce.fwd = ForwardingMethod.TUNNEL.code();
                }
                case 'g' -> {
                    setOption(ce, O_FORWARD);
                    ce.fwd = ForwardingMethod.DROUTE.code();
                }
                case 'm' -> {
                    setOption(ce, O_FORWARD);
                    ce.fwd = ForwardingMethod.MASQ.code();
                }
                case 'w' -> {
                    setOption(ce, O_WEIGHT);
                    ce.weight = (int) numberArg(optarg, 0, env.maxWeight(), "weight");
                }
                case 'x' -> {
                    setOption(ce, O_UTHRESHOLD);
                    ce.uThreshold = numberArg(optarg, 0, Integer.MAX_VALUE, "u_threshold");
                }
                case 'y' -> {
                    setOption(ce, O_LTHRESHOLD);
                    ce.lThreshold = numberArg(optarg, 0, Integer.MAX_VALUE, "l_threshold");
                }
                case 'c' -> setOption(ce, O_CONNECTION);
                case 'n' -> {
                    setOption(ce, O_NUMERIC);
                    ce.format |= Listing.FMT_NUMERIC;
                }
                case TAG_MCAST_INTERFACE -> {
                    setOption(ce, O_MCAST);
                    ce.mcastIfn = cut(optarg, 15);
                }
                case 'I' -> {
                    setOption(ce, O_SYNCID);
                    ce.syncId = (int) numberArg(optarg, 0, 255, "syncid");
                }
                case TAG_TIMEOUT -> setOption(ce, O_TIMEOUT);
                case TAG_DAEMON -> setOption(ce, O_DAEMON);
                case TAG_STATS -> formatOption(ce, O_STATS, Listing.FMT_STATS);
                case TAG_RATE -> formatOption(ce, O_RATE, Listing.FMT_RATE);
                case TAG_THRESHOLDS -> formatOption(ce, O_THRESHOLDS, Listing.FMT_THRESHOLDS);
                case TAG_PERSISTENTCONN -> formatOption(ce, O_PERSISTENTCONN, Listing.FMT_PERSISTENTCONN);
                case TAG_NO_SORT -> formatOption(ce, O_NOSORT, Listing.FMT_NOSORT);
                case TAG_SORT -> {
                    // sorting is the default; accepted for compatibility
                }
                case 'X' -> formatOption(ce, O_EXACT, Listing.FMT_EXACT);
                case '6' -> {
                    if (svc.fwmark != 0) {
                        svc.af = AF_INET6;
                        svc.netmask = 128;
                    } else {
                        throw fail(2, "-6 used before -f\n");
                    }
                }
                case 'o' -> {
                    setOption(ce, O_ONEPACKET);
                    svc.flags |= ServiceFlags.ONEPACKET;
                }
                case TAG_PE -> {
                    setOption(ce, O_PE);
                    svc.peName = cut(optarg, 16);
                }
                case 'b' -> {
                    setOption(ce, O_SCHED_FLAGS);
                    schedFlagsArg = cut(optarg, 127);
                }
                case TAG_MCAST_GROUP -> {
                    setOption(ce, O_MCAST_GROUP);
                    if (optarg.indexOf(':') >= 0) {
                        IpAddress g = InetText.inetPton6(optarg);
                        if (g == null || (g.hi() >>> 56) != 0xff) {
                            throw fail(2, "invalid IPv6 mcast-group `" + optarg + "'");
                        }
                        ce.mcastGroup = g;
                    } else {
                        IpAddress g = InetText.inetPton4(optarg);
                        if (g == null || (g.v4() >>> 28) != 0xe) {
                            throw fail(2, "invalid IPv4 mcast-group `" + optarg + "'");
                        }
                        ce.mcastGroup = g;
                    }
                }
                case TAG_MCAST_PORT -> {
                    setOption(ce, O_MCAST_PORT);
                    ce.mcastPort = (int) numberArg(optarg, 1, 65535, "mcast-port");
                }
                case TAG_MCAST_TTL -> {
                    setOption(ce, O_MCAST_TTL);
                    ce.mcastTtl = (int) numberArg(optarg, 1, 255, "mcast-ttl");
                }
                case TAG_SYNC_MAXLEN -> {
                    setOption(ce, O_SYNC_MAXLEN);
                    ce.syncMaxlen = (int) numberArg(optarg, 1, 65535 - 20 - 8, "sync-maxlen");
                }
                case TAG_TUN_INFO -> formatOption(ce, O_TUN_INFO, Listing.FMT_TUN_INFO);
                case TAG_TUN_TYPE -> {
                    setOption(ce, O_TUN_TYPE);
                    ce.tunType = switch (optarg) {
                        case "ipip" -> 0;
                        case "gue" -> 1;
                        case "gre" -> 2;
                        default -> throw fail(2, "illegal tunnel type specified");
                    };
                }
                case TAG_TUN_PORT -> {
                    setOption(ce, O_TUN_PORT);
                    ce.tunPort = (int) numberArg(optarg, 1, 65535, "tunnel port");
                }
                case TAG_TUN_NOCSUM -> setOption(ce, O_TUN_NOCSUM); // flag value 0
                case TAG_TUN_CSUM -> {
                    setOption(ce, O_TUN_CSUM);
                    ce.tunFlags |= 1;
                }
                case TAG_TUN_REMCSUM -> {
                    setOption(ce, O_TUN_REMCSUM);
                    ce.tunFlags |= 2;
                }
                default -> throw fail(2, "invalid option `" + popt.badOption() + "'");
            }
        }
        if (c < Popt.END) {
            out.flush();
            err.print(popt.badOption() + ": " + Popt.strerror(c) + "\n");
            return -1;
        }
        if (ce.cmd == CMD_TIMEOUT) {
            String a0 = popt.nextLeftover();
            String a1 = a0 == null ? null : popt.nextLeftover();
            String a2 = a1 == null ? null : popt.nextLeftover();
            if (a2 == null) {
                throw fail(2, "--set option requires 3 timeout values");
            }
            ce.tcpTimeout = parseTimeout(a0, 0, MAX_TIMEOUT);
            ce.tcpFinTimeout = parseTimeout(a1, 0, MAX_TIMEOUT);
            ce.udpTimeout = parseTimeout(a2, 0, MAX_TIMEOUT);
        }
        String stray = popt.nextLeftover();
        if (stray != null) {
            throw fail(2, "unexpected argument " + stray);
        }
        if (!schedFlagsArg.isEmpty()) {
            svc.flags &= ~(ServiceFlags.SCHED1 | ServiceFlags.SCHED2 | ServiceFlags.SCHED3);
            svc.flags |= parseSchedFlags(svc.schedName, schedFlagsArg);
        }
        return 0;
    }

    private void formatOption(Entry ce, int opt, int fmt) {
        setOption(ce, opt);
        ce.format |= fmt;
    }

    private void genericOptCheck(int command, long options) {
        String row = MATRIX[command - 1];
        int last = 0;
        int count = 0;
        for (int j = 0; j < NUMBER_OF_OPT; j++) {
            char rule = row.charAt(j);
            if ((options & bit(j)) == 0) {
                if (rule == '+') {
                    throw fail(2, "You need to supply the '" + OPT_NAMES[j] + "' option for the '"
                            + CMD_NAMES[command - 1] + "' command");
                }
            } else {
                if (rule == 'x') {
                    throw fail(2, "Illegal '" + OPT_NAMES[j] + "' option with the '" + CMD_NAMES[command - 1] + "' command");
                }
                if (rule == '1') {
                    if (++count == 1) {
                        last = j;
                        continue;
                    }
                    throw fail(2, "The option '" + OPT_NAMES[j] + "' conflicts with the '" + OPT_NAMES[last]
                            + "' option in the '" + CMD_NAMES[command - 1] + "' command");
                }
            }
        }
    }

    private void tunnelOptCheck(int tunType, long options) {
        String row = TUN_MATRIX[tunType];
        int last = 0;
        int count = 0;
        for (int j = 0; j < TUN_OPTS.length; j++) {
            int k = TUN_OPTS[j];
            char rule = row.charAt(j);
            if ((options & bit(k)) == 0) {
                if (rule == '+') {
                    throw fail(2, "You need to supply the '" + OPT_NAMES[k] + "' option for the '"
                            + TUN_NAMES[tunType] + "' tunnel type");
                }
            } else {
                if (rule == 'x') {
                    throw fail(2, "Illegal '" + OPT_NAMES[k] + "' option with the '" + TUN_NAMES[tunType] + "' tunnel type");
                }
                if (rule == '1') {
                    if (++count == 1) {
                        last = k;
                        continue;
                    }
                    throw fail(2, "The option '" + OPT_NAMES[k] + "' conflicts with the '" + OPT_NAMES[last]
                            + "' option in the '" + TUN_NAMES[tunType] + "' tunnel type");
                }
            }
        }
    }

    private int parseSchedFlags(String sched, String arg) {
        String s = sched.isEmpty() ? DEFAULT_SCHEDULER : sched;
        int flags = 0;
        for (String flag : arg.split(",")) {
            if (flag.isEmpty()) {
                continue; // strtok skips empty fields
            }
            switch (flag) {
                case "flag-1" -> flags |= ServiceFlags.SCHED1;
                case "flag-2" -> flags |= ServiceFlags.SCHED2;
                case "flag-3" -> flags |= ServiceFlags.SCHED3;
                case "sh-fallback", "sh-port", "mh-fallback", "mh-port" -> {
                    flags |= flag.endsWith("fallback") ? ServiceFlags.SCHED1 : ServiceFlags.SCHED2;
                    if (!s.equals(flag.substring(0, 2))) {
                        throw fail(2, "incompatible scheduler flag `" + flag + "'");
                    }
                }
                default -> throw fail(2, "invalid scheduler flag `" + flag + "'");
            }
        }
        return flags;
    }

    // ---- value parsing (C library rules) -------------------------------------------------------

    /** ipvsadm's {@code string_to_number}: strtol base 10 on the whole text, then the range; -1 when bad. */
    static long stringToNumber(String s, long min, long max) {
        Long v = strtol(s);
        if (v == null || v < min || v > max) {
            return -1;
        }
        return v;
    }

    /** C {@code strtol(s, &end, 10)} requiring {@code *end == 0}: null when not a complete, in-range long. */
    static Long strtol(String s) {
        int n = s.length();
        int i = digitsStart(s);
        boolean neg = i > 0 && s.charAt(i - 1) == '-';
        int start = i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == start || i != n) {
            return null;
        }
        try {
            return Long.parseLong((neg ? "-" : "") + s.substring(start));
        } catch (NumberFormatException e) {
            return null; // ERANGE
        }
    }

    /** An option's number by {@code string_to_number}, or exit 2 with "illegal WHAT specified". */
    private long numberArg(String text, long min, long max, String what) {
        long v = stringToNumber(text, min, max);
        if (v == -1) {
            throw fail(2, "illegal " + what + " specified");
        }
        return v;
    }

    private int parseTimeout(String s, int min, int max) {
        if (s == null) {
            return DEFAULT_PERSISTENCE;
        }
        long v = stringToNumber(s, min, max);
        if (v == -1) {
            throw fail(2, "invalid timeout value `" + s + "' specified");
        }
        return (int) v;
    }

    private long parseFwmark(String s) {
        Long v = strtol(s);
        long u = v == null ? 0 : v;
        if (v == null || u == 0 || u < 0 || u > 0xffffffffL) {
            throw fail(2, "invalid fwmark value `" + s + "' specified");
        }
        return u;
    }

    /** C {@code atoi}: leading blanks, a sign, then digits up to the first non-digit. */
    static int atoi(String s) {
        int n = s.length();
        int i = digitsStart(s);
        boolean neg = i > 0 && s.charAt(i - 1) == '-';
        long v = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = v * 10 + (s.charAt(i) - '0');
            if (v > 0xffffffffL) {
                v &= 0xffffffffL;
            }
            i++;
        }
        return (int) (neg ? -v : v);
    }

    /** Where the digits of a C number start: after leading {@code isspace} blanks and one sign. */
    private static int digitsStart(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        return i;
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /**
     * ipvsadm's {@code parse_service} for {@code -t/-u/--sctp-service/-r}: fills af, address,
     * port (and the IPv6 netmask) of {@code svc}; returns SERVICE_ADDR | SERVICE_PORT as parsed.
     */
    private int parseService(String buf, Svc svc) {
        if (buf == null || isAllDigits(buf)) {
            return 0;
        }
        String host = buf;
        String portText = null;
        boolean bracketed = false;
        if (buf.charAt(0) == '[') {
            int close = buf.indexOf(']', 1);
            if (close < 0 || close + 1 >= buf.length() || buf.charAt(close + 1) != ':') {
                return 0;
            }
            host = buf.substring(1, close);
            portText = buf.substring(close + 2);
            bracketed = true;
        }
        IpAddress v6 = InetText.inetPton6(host);
        if (v6 != null) {
            svc.addr = v6;
            svc.af = AF_INET6;
            svc.netmask = 128;
            if (!bracketed) {
                portText = null;
            }
        } else {
            int colon = host.lastIndexOf(':');
            portText = null;
            if (colon >= 0) {
                portText = host.substring(colon + 1);
                host = host.substring(0, colon);
            }
            IpAddress v4 = InetText.inetAton(host);
            if (v4 == null) {
                v4 = env.resolver().hostAddressV4(host);
            }
            if (v4 == null) {
                return 0;
            }
            svc.addr = v4;
            svc.af = AF_INET;
        }
        int result = SERVICE_ADDR;
        if (portText != null) {
            result |= SERVICE_PORT;
            long p = stringToNumber(portText, 0, 65535);
            if (p == -1) {
                p = servicePort(portText, svc.protocol);
            }
            if (p == -1) {
                return 0;
            }
            svc.port = (int) p;
        }
        return result;
    }

    private int servicePort(String name, int protocol) {
        String proto = protocolName(protocol);
        return proto == null ? -1 : env.resolver().servicePort(name, proto);
    }

    /** "tcp", "udp", "sctp", or null for other protocols (no service names then). */
    static String protocolName(int protocol) {
        return switch (protocol) {
            case IPPROTO_TCP -> "tcp";
            case IPPROTO_UDP -> "udp";
            case IPPROTO_SCTP -> "sctp";
            default -> null;
        };
    }

    /** ipvsadm's {@code str_is_digit}: true for the empty string too. */
    private static boolean isAllDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** C {@code isspace} in the C locale. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }
}
