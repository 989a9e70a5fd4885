package org.lvslab.ipvs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lvslab.engine.EventHandler;
import org.lvslab.engine.EventLoop;
import org.lvslab.engine.RandomStream;
import org.lvslab.engine.RandomStreams;
import org.lvslab.ipvs.sched.Explain;
import org.lvslab.ipvs.sched.Scheduler;
import org.lvslab.ipvs.sched.SchedulerProvider;
import org.lvslab.ipvs.sched.SchedulerRegistry;

/**
 * The kernel's virtual server table for one network namespace: services, real servers, the
 * trash, the connection table, timers, sysctls and statistics, driven by the simulation clock of
 * an {@link EventLoop}.
 *
 * <p><b>Time.</b> Kernel time is jiffies = {@code floor(loop.now() * hz / 1e9)}. Every kernel
 * timer (connection and template expiry, the trash every 60 s, the rate estimator every 2 s, the
 * expire_nodest_conn job, scheduler timers) is an event of the loop at an
 * exact jiffy boundary. A timer armed for {@code t} jiffies fires at jiffy {@code now + t}
 * (nominal), or with {@link #setTimerWheelRounding(boolean)} where the kernel's timer wheel would
 * fire it; a timer armed for 0 jiffies fires at the next jiffy. Periodic timers only stay armed
 * while they can change something, so an idle table lets the loop drain.
 *
 * <p><b>Control path.</b> Every admin operation returns 0 or a positive kernel errno
 * ({@link Errno}), checked in the kernel's order ({@code ip_vs_ctl.c}: the netlink command
 * handler, then the operation), and changes nothing when it fails.
 *
 * <p><b>Packet path.</b> {@link #inbound(Packet)} is {@code ip_vs_in_hook} for one client-to-VIP
 * packet; {@link #outbound(Packet)} is a real server's reply seen by a NAT director. Neither
 * allocates in steady state.
 *
 * <p>API contract shared by the ipvsadm front end, the scenario runner and the simulator; the
 * kernel rules and where they live are listed in {@code docs/model-rules.md}.
 */
public final class IpvsTable implements EventHandler {
    private static final long NS = 1_000_000_000L;
    private static final int FTP_PORT = 21;
    private static final int FTP_DATA_PORT = 20;

    // event kinds
    private static final int K_CONN = 1;
    private static final int K_TRASH = 2;
    private static final int K_ESTIMATOR = 3;
    private static final int K_NODEST = 4;
    private static final int K_TASK = 6; // 5 was the 1 s defense tick, see updateDefenseLevel

    /** {@code IPVS_EST_NTICKS}: kthread rows per 2 s period; new estimators start in the last row. */
    private static final int EST_NTICKS = 50;

    // ip_vs_schedule results besides a connection id
    private static final int R_ACCEPT = -2;   // *ignored = 1
    private static final int R_LEAVE = -3;    // *ignored = 0
    private static final int R_DROP = -4;     // *ignored = -1

    private final EventLoop loop;
    private final KernelProfile profile;
    private final SchedulerRegistry registry;
    private final int hz;
    private final RandomStreams randoms;
    private final Sysctls sysctls = new Sysctls();
    private final ConnectionTable conns = new ConnectionTable();
    private final Stats totalStats = new Stats();
    private final LinkedHashMap<ServiceKey, VirtualService> services = new LinkedHashMap<>();
    private final ServiceIndex serviceIndex = new ServiceIndex();
    /** The services in creation order as an array, for allocation-free iteration on timers and replies. */
    private VirtualService[] serviceArray = new VirtualService[0];
    /** The netns trash, most recently deleted first. */
    private final ArrayList<RealServer> trash = new ArrayList<>();
    private Explain explain = Explain.OFF;
    private TableObserver[] observers = new TableObserver[0];
    private final long createdJiffies;

    // timeouts in jiffies (per netns proto data)
    private final int[] tcpTimeouts = new int[TcpState.COUNT];
    private int udpTimeout;
    private final int[] sctpTimeouts = new int[SctpState.COUNT];

    // cached sysctls (hot path)
    private boolean expireNodestConn;
    private int connReuseMode;
    private boolean sloppyTcp;
    private boolean sloppySctp;
    private boolean expireQuiescentTemplate;
    private boolean conntrack;
    private boolean backupOnly;
    private boolean natIcmpSend;
    private boolean runEstimation;
    /** The DoS tables are in use (sysctl secure_tcp 3, applied when the sysctl is written). */
    private boolean secureTcpTables;
    private boolean inDefense;

    // configuration flags that are not sysctls
    private boolean timerWheelRounding;
    private boolean conntrackConfirmed;

    private int ftpServices;
    private int nullServices;
    private int mixedFamilyDests;
    private int syncState;
    private DaemonConfig masterDaemon;
    private DaemonConfig backupDaemon;
    private final TreeMap<String, Integer> interfaces = new TreeMap<>();
    /** The loopback device's name: the one declared interface without multicast. */
    private static final String LOOPBACK = "lo";

    // timers
    private long trashTimer = -1;
    private long nodestTimer = -1;
    private long estimatorTimer = -1;

    // rate estimator (ip_vs_est.c). CLASSIC: one netns timer, runs at origin + k*period, k >= 1.
    // Kthreads: the row holding every estimator runs at origin + k*period while the kthread runs.
    /** Jiffy origin of the estimator grid; -1 until estimation started. */
    private long estimatorOrigin = -1;
    /** Estimator period in jiffies: 2*HZ (CLASSIC), IPVS_EST_NTICKS kthread ticks (kthreads). */
    private final long estimatorPeriod;
    /** Kthread tick in jiffies: IPVS_EST_TICK = 2*HZ / IPVS_EST_NTICKS. */
    private final long estimatorTick;
    /** Jiffy of the last estimator event (run or skipped), -1 before the first. */
    private long lastEstimatorRun = -1;
    /** {@code ipvs->enable}: set by the first service ever added, never cleared. */
    private boolean enabled;
    /** Kthread 0 task running (enabled and run_estimation, {@code ip_vs_est_stopped}). */
    private boolean kthreadRunning;
    /** Kthread 0 has run its calc phase ({@code est_chain_max} set): restarts keep its rows. */
    private boolean kthreadCalibrated;
    private long kthreadStartJiffy;
    /** {@code kd->est_row} and {@code kd->est_timer} when the task was stopped. */
    private int kthreadRow;
    private long kthreadTimer;

    // scheduler tasks: slot -> runnable, loop handle, generation
    private Runnable[] taskRun = new Runnable[8];
    private long[] taskLoopHandle = new long[8];
    private int[] taskGen = new int[8];
    private int[] taskNextFree = new int[8];
    private int taskFree = -1;
    private int taskUsed;

    private int lastConnection = -1;
    private RealServer lastDest;

    /** Builds a table on {@code loop} for the given kernel; {@code hz} is CONFIG_HZ (Debian: 250). */
    public IpvsTable(EventLoop loop, KernelProfile profile, SchedulerRegistry registry, int hz, RandomStreams randoms) {
        if (hz <= 0 || hz > 10_000) {
            throw new IllegalArgumentException("HZ must be between 1 and 10000, not " + hz);
        }
        this.loop = java.util.Objects.requireNonNull(loop, "loop");
        this.profile = java.util.Objects.requireNonNull(profile, "profile");
        this.registry = java.util.Objects.requireNonNull(registry, "registry");
        this.randoms = java.util.Objects.requireNonNull(randoms, "randoms");
        this.hz = hz;
        this.createdJiffies = jiffies();
        for (int s = 0; s < TcpState.COUNT; s++) {
            tcpTimeouts[s] = TcpState.DEFAULT_TIMEOUT_SECONDS[s] * hz;
        }
        udpTimeout = 300 * hz;
        for (int s = 0; s < SctpState.COUNT; s++) {
            sctpTimeouts[s] = SctpState.DEFAULT_TIMEOUT_SECONDS[s] * hz;
        }
        interfaces.put(LOOPBACK, 65536);
        interfaces.put("eth0", 1500);
        readSysctls();
        sysctls.addListener(this::sysctlChanged);
        estimatorTick = Math.max(1, 2L * hz / EST_NTICKS);
        if (!profile.estimatorKthreads()) {
            // CLASSIC (ip_vs_est.c before 6.2): one netns timer from namespace creation
            estimatorPeriod = 2L * hz;
            estimatorOrigin = createdJiffies;
        } else {
            estimatorPeriod = EST_NTICKS * estimatorTick;
            kthreadTimer = createdJiffies;   // kd->est_timer of kthread 0, made with the total's estimator
        }
    }

    /** HZ 250 (Debian's CONFIG_HZ) and master seed 0. */
    public IpvsTable(EventLoop loop, KernelProfile profile, SchedulerRegistry registry) {
        this(loop, profile, registry, 250, new RandomStreams(0));
    }

    public IpvsTable(EventLoop loop, KernelProfile profile, SchedulerRegistry registry, RandomStreams randoms) {
        this(loop, profile, registry, 250, randoms);
    }

    public KernelProfile profile() {
        return profile;
    }

    public int hz() {
        return hz;
    }

    /** Current kernel time in jiffies ({@code loop.now()} converted at this table's HZ). */
    public long jiffies() {
        long t = loop.now();
        return (t / NS) * hz + ((t % NS) * hz) / NS;
    }

    /** Simulation time (ns) at which jiffy {@code j} begins. */
    public long nanosOfJiffy(long j) {
        long rem = (j % hz) * NS;
        return (j / hz) * NS + (rem + hz - 1) / hz;
    }

    public EventLoop loop() {
        return loop;
    }

    public Sysctls sysctls() {
        return sysctls;
    }

    public SchedulerRegistry registry() {
        return registry;
    }

    /** Explain sink handed to schedulers (default {@link Explain#OFF}). */
    public void setExplain(Explain explain) {
        this.explain = explain == null ? Explain.OFF : explain;
    }

    public Explain explain() {
        return explain;
    }

    public void addObserver(TableObserver observer) {
        observers = java.util.Arrays.copyOf(observers, observers.length + 1);
        observers[observers.length - 1] = observer;
    }

    /**
     * Fire timers where the kernel's timer wheel would ({@code kernel/time/timer.c}: late, never
     * early, with the granularity of the wheel level, ipvs-model.md §4.4) instead of at the nominal
     * jiffy. Default off. Listings still show the nominal expiry, as the kernel does.
     */
    public void setTimerWheelRounding(boolean on) {
        this.timerWheelRounding = on;
    }

    /**
     * Whether a SYN that re-uses the tuple of an existing entry finds a <em>confirmed</em>
     * netfilter conntrack entry (the "old conntrack" case of {@code ip_vs_in_hook}). Only entries
     * created while sysctl {@code conntrack} was 1 keep conntrack, so this matters only then.
     * Default false (not modelled as confirmed).
     */
    public void setConntrackConfirmed(boolean confirmed) {
        this.conntrackConfirmed = confirmed;
    }

    /** Declares a network interface (for the sync daemon's ENODEV check); "lo" and "eth0" exist by default. */
    public void defineInterface(String name, int mtu) {
        interfaces.put(name, mtu);
    }

    // ---- sysctls -------------------------------------------------------------------------------

    private void readSysctls() {
        expireNodestConn = sysctls.expireNodestConn();
        connReuseMode = sysctls.connReuseMode();
        sloppyTcp = sysctls.sloppyTcp();
        sloppySctp = sysctls.sloppySctp();
        expireQuiescentTemplate = sysctls.expireQuiescentTemplate();
        conntrack = sysctls.conntrack();
        backupOnly = sysctls.backupOnly();
        natIcmpSend = sysctls.natIcmpSend();
        runEstimation = sysctls.runEstimation();
    }

    private void sysctlChanged(String name, long value) {
        readSysctls();
        switch (name) {
            case "secure_tcp", "drop_entry", "drop_packet" -> {
                // the sysctl handler updates the defense level at once (ip_vs_ctl.c:
                // proc_do_defense_mode -> update_defense_level); the kernel's 1 s
                // defense_work_handler only repeats it, which changes nothing without memory
                // pressure, so it is not modelled as a timer
                if (!inDefense) {
                    updateDefenseLevel();
                }
            }
            case "run_estimation" -> runEstimationChanged();
            default -> {
            }
        }
    }

    /**
     * {@code update_defense_level} with plenty of free memory (the simulator has no memory
     * pressure): secure_tcp 3 selects the DoS tables, 0..2 the normal ones (2 falls back to 1);
     * drop_entry/drop_packet 2 fall back to 1. The random drop defenses are not modelled.
     * {@code inDefense} guards against the sysctl writes below re-entering through
     * {@link #sysctlChanged}.
     */
    private void updateDefenseLevel() {
        inDefense = true;
        try {
            int st = sysctls.secureTcp();
            if (st == 2) {
                sysctls.set("secure_tcp", 1);
            }
            secureTcpTables = st == 3;
            if (sysctls.get("drop_entry") == 2) {
                sysctls.set("drop_entry", 1);
            }
            if (sysctls.get("drop_packet") == 2) {
                sysctls.set("drop_packet", 1);
            }
        } finally {
            inDefense = false;
        }
    }

    /** Whether the secure_tcp (DoS) state tables are currently in use. */
    public boolean secureTcpTablesActive() {
        return secureTcpTables;
    }

    // ---- control path: services --------------------------------------------------------------

    private SchedulerProvider lookupScheduler(String name) {
        SchedulerProvider p = registry.find(name);
        return p != null && p.availableIn(profile) ? p : null;
    }

    private static boolean knownPe(String pe) {
        return pe.isEmpty() || pe.equals("sip");
    }

    /**
     * The netlink attribute policy (ip_vs_ctl.c), checked before the service is looked up:
     * SCHED_NAME up to IP_VS_SCHEDNAME_MAXLEN - 1 characters, PE_NAME up to IP_VS_PENAME_MAXLEN
     * (a 16-character PE name reaches the lookup and fails with ENOENT on 6.12.117).
     */
    private static boolean namesTooLong(ServiceConfig config) {
        return config.scheduler().length() > 15 || config.peName().length() > 16;
    }

    /** What add and edit look up once the service is known: the scheduler ({@code null} for "none"). */
    private record Lookups(int errno, SchedulerProvider scheduler) {
    }

    /**
     * The checks add and edit share after finding (or not finding) the service, in the kernel's
     * order (ip_vs_add_service / ip_vs_edit_service): scheduler and persistence engine by name
     * (ENOENT), then the IPv6 prefix length (EINVAL).
     */
    private Lookups lookups(ServiceConfig config, AddressFamily family) {
        SchedulerProvider provider = null;
        if (!config.scheduler().equals("none")) {
            provider = lookupScheduler(config.scheduler());
            if (provider == null) {
                return new Lookups(Errno.ENOENT, null);
            }
        }
        if (!knownPe(config.peName())) {
            return new Lookups(Errno.ENOENT, null);
        }
        if (family == AddressFamily.INET6 && (config.netmask() < 1 || config.netmask() > 128)) {
            return new Lookups(Errno.EINVAL, null);
        }
        return new Lookups(Errno.OK, provider);
    }

    public int addService(ServiceConfig config) {
        ServiceKey key = config.key();
        if (namesTooLong(config)) {
            return Errno.EINVAL;
        }
        if (services.containsKey(key)) {
            return Errno.EEXIST;
        }
        Lookups found = lookups(config, key.family());
        if (found.errno() != Errno.OK) {
            return found.errno();
        }
        SchedulerProvider provider = found.scheduler();
        VirtualService svc = new VirtualService(key);
        svc.flags = config.flags() & ~ServiceFlags.HASHED;
        svc.timeoutJiffies = (Integer.toUnsignedLong(config.timeoutSeconds()) * hz) & 0xFFFF_FFFFL;
        svc.netmask = config.netmask();
        svc.peName = config.peName();
        RandomStream stream = randoms.stream("sched:" + svc);
        svc.random = stream::nextInt;
        if (provider != null) {
            bindScheduler(svc, provider);
        }
        if (key.port() == FTP_PORT) {
            ftpServices++;
        } else if (key.port() == 0) {
            nullServices++;
        }
        services.put(key, svc);
        servicesChanged();
        svc.stats.estimatorSince = jiffies();   // ip_vs_start_estimator
        if (!enabled) {
            // the first service: "full throttle"; kthreads start now (ip_vs_est_reload_start)
            enabled = true;
            if (profile.estimatorKthreads() && runEstimation) {
                startKthread();
            }
        }
        return Errno.OK;
    }

    private void servicesChanged() {
        serviceIndex.rebuild(services.values());
        serviceArray = services.values().toArray(new VirtualService[0]);
    }

    private void bindScheduler(VirtualService svc, SchedulerProvider provider) {
        TableSchedulerContext ctx = new TableSchedulerContext(this, svc);
        svc.context = ctx;
        svc.schedulerName = provider.name();
        svc.scheduler = provider.create(svc, ctx);
    }

    private void unbindScheduler(VirtualService svc) {
        if (svc.scheduler != null) {
            svc.scheduler.done();
        }
        if (svc.context != null) {
            svc.context.close();
        }
        svc.scheduler = null;
        svc.context = null;
        svc.schedulerName = "none";
    }

    public int editService(ServiceConfig config) {
        if (namesTooLong(config)) {
            return Errno.EINVAL;
        }
        VirtualService svc = services.get(config.key());
        if (svc == null) {
            return Errno.ESRCH;
        }
        Lookups found = lookups(config, svc.key.family());
        if (found.errno() != Errno.OK) {
            return found.errno();
        }
        SchedulerProvider provider = found.scheduler();
        // a different scheduler: done_service of the old one, init_service of the new one with the
        // current list; the same name keeps all scheduler state (ip_vs_edit_service)
        if (!config.scheduler().equals(svc.schedulerName)) {
            unbindScheduler(svc);
            if (provider != null) {
                bindScheduler(svc, provider);
            }
        }
        svc.flags = config.flags() & ~ServiceFlags.HASHED;
        svc.timeoutJiffies = (Integer.toUnsignedLong(config.timeoutSeconds()) * hz) & 0xFFFF_FFFFL;
        svc.netmask = config.netmask();
        svc.peName = config.peName();
        return Errno.OK;
    }

    public int deleteService(ServiceKey key) {
        VirtualService svc = services.get(key);
        if (svc == null) {
            return Errno.ESRCH;
        }
        removeService(svc);
        return Errno.OK;
    }

    private void removeService(VirtualService svc) {
        services.remove(svc.key);
        servicesChanged();
        unbindScheduler(svc);
        // unlink every dest without the del_dest hook, newest first, into the trash
        while (!svc.dests.isEmpty()) {
            RealServer d = svc.dests.get(0);
            unlinkDest(svc, d, false);
            trashDest(d);
        }
        if (svc.key.port() == FTP_PORT) {
            ftpServices--;
        } else if (svc.key.port() == 0) {
            nullServices--;
        }
    }

    /** {@code ipvsadm -C}: deletes every service (address services first, then fwmark ones). Connections stay. */
    public int flush() {
        List<VirtualService> order = new ArrayList<>();
        for (VirtualService s : services.values()) {
            if (!s.key.isFwmark()) {
                order.add(s);
            }
        }
        for (VirtualService s : services.values()) {
            if (s.key.isFwmark()) {
                order.add(s);
            }
        }
        for (VirtualService s : order) {
            removeService(s);
        }
        return Errno.OK;
    }

    /** {@code ipvsadm -Z}; {@code key == null} zeroes everything. */
    public int zero(ServiceKey key) {
        if (key == null) {
            for (VirtualService s : services.values()) {
                zeroService(s);
            }
            totalStats.zero();
            return Errno.OK;
        }
        VirtualService svc = services.get(key);
        if (svc == null) {
            return Errno.ESRCH;
        }
        zeroService(svc);
        return Errno.OK;
    }

    private static void zeroService(VirtualService s) {
        for (RealServer d : s.dests) {
            d.stats.zero();
        }
        s.stats.zero();
    }

    // ---- control path: real servers ----------------------------------------------------------

    public int addDest(ServiceKey service, DestConfig dest) {
        return addDest(service, dest, 0);
    }

    /**
     * Add through the old setsockopt interface, whose conn_flags may carry
     * {@link ConnFlags#ONE_PACKET} for the dest (netlink, and so ipvsadm, never can). With it every
     * UDP connection to the dest is one-packet and — before "ipvs: do not create invisible
     * templates" — so are UDP persistence templates.
     */
    public int addDestViaSockopt(ServiceKey service, DestConfig dest, boolean onePacket) {
        return addDest(service, dest, onePacket ? ConnFlags.ONE_PACKET : 0);
    }

    public int editDestViaSockopt(ServiceKey service, DestConfig dest, boolean onePacket) {
        return editDest(service, dest, onePacket ? ConnFlags.ONE_PACKET : 0);
    }

    private int checkDestCommand(VirtualService svc, DestConfig dc) {
        if (dc == null || dc.address() == null || dc.forwarding() == null || dc.port() < 0 || dc.port() > 0xFFFF) {
            return Errno.EINVAL;
        }
        if (dc.upperThreshold() < 0 || dc.upperThreshold() > 0xFFFF_FFFFL
                || dc.lowerThreshold() < 0 || dc.lowerThreshold() > 0xFFFF_FFFFL) {
            return Errno.EINVAL;   // not representable in the u32 netlink attributes
        }
        if (dc.address().family() != svc.key.family()) {
            // mixed-family pools: only tunnelling, and not with a sync daemon (ip_vs_genl_set_cmd)
            if (syncState != 0 || dc.forwarding() != ForwardingMethod.TUNNEL) {
                return Errno.EINVAL;
            }
        }
        return Errno.OK;
    }

    /** The checks {@code ip_vs_add_dest} and {@code ip_vs_edit_dest} share, in their order. */
    private int checkDestValues(DestConfig dc) {
        if (dc.weight() < 0) {
            return Errno.ERANGE;
        }
        if (dc.lowerThreshold() > dc.upperThreshold()) {
            return Errno.ERANGE;
        }
        if (profile.upperThresholdIntMax() && dc.upperThreshold() > Integer.MAX_VALUE) {
            return Errno.EINVAL;
        }
        if (dc.forwarding() == ForwardingMethod.TUNNEL && dc.tunnelType() == 1 && dc.tunnelPort() == 0) {
            return Errno.EINVAL;   // GUE needs a port
        }
        return Errno.OK;
    }

    private int addDest(ServiceKey service, DestConfig dc, int extraConnFlags) {
        VirtualService svc = services.get(service);
        if (svc == null) {
            return Errno.ESRCH;
        }
        int e = checkDestCommand(svc, dc);
        if (e == Errno.OK) {
            e = checkDestValues(dc);
        }
        if (e != Errno.OK) {
            return e;
        }
        if (svc.findDest(dc.address(), dc.port()) != null) {
            return Errno.EEXIST;
        }
        RealServer d = takeFromTrash(svc, dc.address(), dc.port());
        if (d == null) {
            if (!usableDestAddress(dc.address())) {
                return Errno.EINVAL;
            }
            d = new RealServer(svc, dc.address(), dc.port(), profile.totalConns());
        }
        updateDest(svc, d, dc, extraConnFlags, true);
        return Errno.OK;
    }

    public int editDest(ServiceKey service, DestConfig dest) {
        return editDest(service, dest, 0);
    }

    private int editDest(ServiceKey service, DestConfig dc, int extraConnFlags) {
        VirtualService svc = services.get(service);
        if (svc == null) {
            return Errno.ESRCH;
        }
        int e = checkDestCommand(svc, dc);
        if (e == Errno.OK) {
            e = checkDestValues(dc);
        }
        if (e != Errno.OK) {
            return e;
        }
        RealServer d = svc.findDest(dc.address(), dc.port());
        if (d == null) {
            return Errno.ENOENT;
        }
        updateDest(svc, d, dc, extraConnFlags, false);
        return Errno.OK;
    }

    public int deleteDest(ServiceKey service, IpAddress address, int port) {
        VirtualService svc = services.get(service);
        if (svc == null) {
            return Errno.ESRCH;
        }
        if (address == null) {
            return Errno.EINVAL;
        }
        RealServer d = svc.findDest(address, port);
        if (d == null) {
            return Errno.ENOENT;
        }
        unlinkDest(svc, d, true);
        trashDest(d);
        return Errno.OK;
    }

    /**
     * {@code inet_addr_type} / {@code ipv6_addr_type} as the add path uses them: IPv4 0.0.0.0/8,
     * 255.255.255.255, 224.0.0.0/4 and the loopback broadcast 127.255.255.255 are refused; IPv6
     * unspecified, multicast, link-local and v4-mapped addresses are refused (no local interface
     * addresses are modelled).
     */
    static boolean usableDestAddress(IpAddress a) {
        if (!a.isV6()) {
            int v = a.v4();
            int first = v >>> 24;
            return first != 0 && v != -1 && (first & 0xF0) != 0xE0 && v != 0x7FFF_FFFF;
        }
        long hi = a.hi();
        long lo = a.lo();
        if (hi == 0 && lo == 0) {
            return false;
        }
        if ((hi >>> 56) == 0xFF) {
            return false;
        }
        if ((hi >>> 54) == (0xFE80L >>> 6)) {
            return false;
        }
        return !(hi == 0 && (lo >>> 32) == 0xFFFF);
    }

    /** {@code ip_vs_trash_get_dest}: same (af, addr, port) from a service with the same identity. */
    private RealServer takeFromTrash(VirtualService svc, IpAddress address, int port) {
        for (int i = 0; i < trash.size(); i++) {
            RealServer d = trash.get(i);
            ServiceKey k = d.service.key;
            if (d.port == port && d.address.equals(address) && k.fwmark() == svc.key.fwmark()
                    && k.protocol() == svc.key.protocol()
                    && (svc.key.isFwmark() || (k.address().equals(svc.key.address()) && k.port() == svc.key.port()))) {
                trash.remove(i);
                return d;
            }
        }
        return null;
    }

    /** {@code __ip_vs_update_dest}. */
    private void updateDest(VirtualService svc, RealServer d, DestConfig dc, int extraConnFlags, boolean add) {
        boolean mixed = dc.address().family() != svc.key.family();
        if (add && mixed) {
            mixedFamilyDests++;
        }
        if (add || dc.weight() != 0) {
            d.lastWeight = dc.weight();
        }
        d.weight = dc.weight();
        int cf = dc.forwarding().code() | ConnFlags.INACTIVE | (extraConnFlags & ConnFlags.ONE_PACKET);
        if (dc.forwarding() != ForwardingMethod.MASQ) {
            cf |= ConnFlags.NOOUTPUT;
        }
        d.connFlags = cf;
        d.forwarding = dc.forwarding();
        d.tunnelType = dc.tunnelType();
        d.tunnelPort = dc.tunnelPort();
        d.tunnelFlags = dc.tunnelFlags();
        if (d.service != svc) {
            // revived into a re-created service of the same identity: its counters start afresh
            d.stats.zero();
            d.service = svc;
        }
        d.available = true;
        long u = dc.upperThreshold();
        long l = dc.lowerThreshold();
        if (profile.overloadOnEdit()) {
            if (d.upperThreshold != u || d.lowerThreshold != l) {
                d.upperThreshold = u;
                d.lowerThreshold = l;
                d.lowerThresholdVal = l != 0 ? l : u - (u >>> 2);
                updateOverload(d, 0);
            }
        } else {
            if (u == 0 || u > d.upperThreshold) {
                setOverload(d, false);
            }
            d.upperThreshold = u;
            d.lowerThreshold = l;
            d.lowerThresholdVal = l != 0 ? l : u - (u >>> 2);
        }
        Scheduler sched = svc.scheduler;
        if (add) {
            d.stats.estimatorSince = jiffies();   // ip_vs_start_estimator (new dest or revived from the trash)
            svc.linkFront(d);
            if (sched != null) {
                sched.addDest(d);
            }
            for (TableObserver o : observers) {
                o.destAdded(d);
            }
        } else if (sched != null) {
            sched.updateDest(d);
        }
    }

    /** {@code __ip_vs_unlink_dest}. */
    private void unlinkDest(VirtualService svc, RealServer d, boolean callHook) {
        d.available = false;
        svc.unlink(d);
        if (d.address.family() != svc.key.family()) {
            mixedFamilyDests--;
        }
        if (callHook && svc.scheduler != null) {
            svc.scheduler.delDest(d);
        }
    }

    /** {@code __ip_vs_del_dest}: into the trash; arm the trash timer; queue the nodest flush. */
    private void trashDest(RealServer d) {
        if (trash.isEmpty()) {
            trashTimer = arm(trashTimer, 60L * hz, K_TRASH, 0);
        }
        trash.add(0, d);
        d.idleStart = 0;
        if (expireNodestConn && !loop.isPending(nodestTimer)) {
            nodestTimer = arm(nodestTimer, 1, K_NODEST, 0);
        }
        for (TableObserver o : observers) {
            o.destRemoved(d);
        }
    }

    /** {@code ip_vs_dest_trash_expire}: free dests idle for 120 s (first seen idle on one run, freed on a later one). */
    private void trashTick() {
        long now = jiffies();
        for (int i = 0; i < trash.size(); ) {
            RealServer d = trash.get(i);
            if (d.refs > 0) {
                i++;
                continue;
            }
            if (d.idleStart != 0) {
                if (now < d.idleStart + 120L * hz) {
                    i++;
                    continue;
                }
            } else {
                d.idleStart = Math.max(1, now);
                i++;
                continue;
            }
            trash.remove(i);
            for (TableObserver o : observers) {
                o.destFreed(d);
            }
        }
        if (!trash.isEmpty()) {
            trashTimer = arm(trashTimer, 60L * hz, K_TRASH, 0);
        }
    }

    /** Real servers in the trash, most recently deleted first. */
    public List<RealServer> trash() {
        return Collections.unmodifiableList(trash);
    }

    /** {@code ip_vs_expire_nodest_conn_flush}: delete entries of unavailable dests that control nothing. */
    private void nodestFlush() {
        int[] ids = conns.liveIds();
        for (int id : ids) {
            if (!conns.isLive(id)) {
                continue;
            }
            RealServer d = conns.dest[id];
            if (d == null || d.available || conns.nControl[id] > 0) {
                continue;
            }
            int ct = conns.control[id];
            deleteConn(id);
            if (ct >= 0 && conns.isLive(ct) && conns.nControl[ct] == 0) {
                deleteConn(ct);
            }
        }
    }

    // ---- thresholds ----------------------------------------------------------------------------

    private void setOverload(RealServer d, boolean on) {
        if (d.overloaded != on) {
            d.overloaded = on;
            for (TableObserver o : observers) {
                o.overloadChanged(d, on);
            }
        }
    }

    /**
     * {@code __ip_vs_dest_update_overload} (overload-on-edit kernels): mode +1 after a bind that
     * reached u, -1 after an unbind from l_eff, 0 on an edit that changed u or l.
     */
    private void updateOverload(RealServer d, int mode) {
        long u = d.upperThreshold;
        if (u == 0) {
            setOverload(d, false);
            return;
        }
        long l = d.lowerThresholdVal;
        long c = d.totalConns;
        if (c >= (mode > 0 ? l : u)) {
            setOverload(d, true);
            return;
        }
        if (c >= (mode < 0 ? u : l)) {
            return;
        }
        setOverload(d, false);
    }

    /** The pre-2026 checks run after every bind and unbind (also of templates). */
    private void classicOverloadAfterBind(RealServer d) {
        if (d.upperThreshold != 0 && d.totalConns >= d.upperThreshold) {
            setOverload(d, true);
        }
    }

    private void classicOverloadAfterUnbind(RealServer d) {
        int total = d.totalConns;
        if (d.lowerThreshold != 0) {
            if (total < d.lowerThreshold) {
                setOverload(d, false);
            }
        } else if (d.upperThreshold != 0) {
            // int * 4 against u32 * 3, compared unsigned as in the kernel
            if (Integer.compareUnsigned(total * 4, (int) (d.upperThreshold * 3)) < 0) {
                setOverload(d, false);
            }
        } else {
            setOverload(d, false);
        }
    }

    // ---- connections ----------------------------------------------------------------------------

    /** {@code ip_vs_conn_new} + {@code ip_vs_bind_dest} + {@code ip_vs_conn_hash}. */
    private int newConn(int protocol, boolean v6, long cHi, long cLo, int cport, long vHi, long vLo, int vport,
            int dport, int flagBits, RealServer d, int mark) {
        int f = flagBits | (conntrack ? ConnFlags.NFCT : 0);
        int id = conns.allocate(f, v6, protocol, cHi, cLo, cport, vHi, vLo, vport, dport, d, mark);
        conns.timeout[id] = 3 * hz;
        bindDest(id, d);
        if ((conns.flags[id] & ConnFlags.ONE_PACKET) == 0) {
            conns.index(id);
        }
        for (TableObserver o : observers) {
            o.connectionCreated(id);
        }
        return id;
    }

    private void bindDest(int id, RealServer d) {
        if (d == null) {
            return;
        }
        d.refs++;
        int cf = d.connFlags;
        boolean template = (conns.flags[id] & ConnFlags.TEMPLATE) != 0;
        if ((conns.proto[id] & 0xff) != 17) {
            cf &= ~ConnFlags.ONE_PACKET;
        }
        if (template && profile.noInvisibleTemplates()) {
            cf &= ~ConnFlags.ONE_PACKET;
        }
        conns.flags[id] |= cf;
        if (!template) {
            if ((conns.flags[id] & ConnFlags.INACTIVE) == 0) {
                d.activeConns++;
            }
            d.totalConns++;
            if (profile.overloadOnEdit() && d.totalConns == d.upperThreshold) {
                updateOverload(d, 1);
            }
        } else {
            d.persistConns++;
        }
        if (!profile.overloadOnEdit()) {
            classicOverloadAfterBind(d);
        }
    }

    private void unbindDest(int id) {
        RealServer d = conns.dest[id];
        if (d == null) {
            return;
        }
        int f = conns.flags[id];
        if ((f & ConnFlags.TEMPLATE) == 0) {
            if ((f & ConnFlags.INACTIVE) == 0) {
                d.activeConns--;
            }
            int before = d.totalConns--;
            if (profile.overloadOnEdit() && before == d.lowerThresholdVal) {
                updateOverload(d, -1);
            }
        } else {
            d.persistConns--;
        }
        if (!profile.overloadOnEdit()) {
            classicOverloadAfterUnbind(d);
        }
        d.refs--;
    }

    /** Jiffy at which a timer armed now for {@code delay} jiffies fires. */
    private long fireJiffy(long now, long delay) {
        if (!timerWheelRounding) {
            return now + Math.max(delay, 1);
        }
        // kernel/time/timer.c calc_wheel_index: level by delta, rounded up to the level granularity
        long expires = now + Math.max(delay, 0);
        int level = 0;
        long limit = 63;
        while (level < 8 && delay >= limit) {
            level++;
            limit <<= 3;
        }
        int shift = 3 * level;
        return ((expires >> shift) + 1) << shift;
    }

    /** Arms (or moves) a table timer {@code delay} jiffies from now; returns the loop handle. */
    private long arm(long handle, long delay, int kind, long payload) {
        long at = nanosOfJiffy(fireJiffy(jiffies(), delay));
        if (at < loop.now()) {
            at = loop.now();
        }
        if (loop.isPending(handle)) {
            loop.reschedule(handle, at);
            return handle;
        }
        return loop.schedule(at, this, kind, payload);
    }

    /** mod_timer(&cp->timer, jiffies + delay). */
    private void armConn(int id, long delay) {
        conns.expires[id] = jiffies() + delay;
        conns.timer[id] = arm(conns.timer[id], delay, K_CONN, id);
    }

    /** {@code ip_vs_conn_put}: one-packet entries without a pending timer die now; others re-arm. */
    private void putConn(int id) {
        int f = conns.flags[id];
        if ((f & ConnFlags.ONE_PACKET) != 0 && !loop.isPending(conns.timer[id])) {
            expireConn(id);
        } else {
            armConn(id, (f & ConnFlags.ONE_PACKET) != 0 ? 0 : Integer.toUnsignedLong(conns.timeout[id]));
        }
    }

    /** {@code ip_vs_conn_expire_now}: fire the timer at the next tick if it is due later. */
    private void expireNow(int id) {
        if (loop.isPending(conns.timer[id]) && conns.expires[id] > jiffies()) {
            armConn(id, 0);
        }
    }

    /** {@code ip_vs_conn_del}: delete now, dropping the controlling template with it if unused and not assured. */
    private void deleteConn(int id) {
        if (loop.cancel(conns.timer[id])) {
            if (conns.control[id] >= 0) {
                conns.timeout[id] = 0;
            }
            expireConn(id);
        }
    }

    /** {@code ip_vs_conn_expire}. */
    private void expireConn(int id) {
        if (conns.nControl[id] > 0) {
            // still controls others: look again in 60 s, and keep that timeout for good
            conns.timeout[id] = 60 * hz;
            armConn(id, (conns.flags[id] & ConnFlags.ONE_PACKET) != 0 ? 0 : 60L * hz);
            return;
        }
        loop.cancel(conns.timer[id]);
        conns.unindex(id);
        int ct = conns.control[id];
        if (ct >= 0) {
            boolean forced = conns.timeout[id] == 0;
            conns.control[id] = -1;
            conns.nControl[ct]--;
            if (forced && conns.nControl[ct] == 0 && ((conns.flags[ct] & ConnFlags.TEMPLATE) == 0
                    || (conns.state[ct] & TcpState.TEMPLATE_ASSURED) == 0)) {
                deleteConn(ct);
            }
        }
        unbindDest(id);
        for (TableObserver o : observers) {
            o.connectionExpired(id);
        }
        conns.free(id);
    }

    // ---- timers --------------------------------------------------------------------------------

    @Override
    public void onEvent(int kind, long payload) {
        switch (kind) {
            case K_CONN -> {
                int id = (int) payload;
                if (conns.isLive(id)) {
                    expireConn(id);
                }
            }
            case K_TRASH -> trashTick();
            case K_NODEST -> nodestFlush();
            case K_ESTIMATOR -> estimatorTick();
            case K_TASK -> runTask((int) payload);
            default -> throw new IllegalStateException("unknown table event " + kind);
        }
    }

    long scheduleTask(long delayJiffies, Runnable task) {
        int slot;
        if (taskFree >= 0) {
            slot = taskFree;
            taskFree = taskNextFree[slot];
        } else {
            if (taskUsed == taskRun.length) {
                int n = taskUsed * 2;
                taskRun = java.util.Arrays.copyOf(taskRun, n);
                taskLoopHandle = java.util.Arrays.copyOf(taskLoopHandle, n);
                taskGen = java.util.Arrays.copyOf(taskGen, n);
                taskNextFree = java.util.Arrays.copyOf(taskNextFree, n);
            }
            slot = taskUsed++;
        }
        taskRun[slot] = task;
        taskLoopHandle[slot] = arm(-1, Math.max(delayJiffies, 0), K_TASK, slot);
        return ((long) taskGen[slot] << 32) | slot;
    }

    private int taskSlot(long handle) {
        int slot = (int) handle;
        if (slot < 0 || slot >= taskUsed || taskRun[slot] == null || taskGen[slot] != (int) (handle >>> 32)) {
            return -1;
        }
        return slot;
    }

    boolean isTaskPending(long handle) {
        return taskSlot(handle) >= 0;
    }

    void cancelTask(long handle) {
        int slot = taskSlot(handle);
        if (slot >= 0) {
            loop.cancel(taskLoopHandle[slot]);
            releaseTask(slot);
        }
    }

    private void releaseTask(int slot) {
        taskRun[slot] = null;
        taskGen[slot]++;
        taskNextFree[slot] = taskFree;
        taskFree = slot;
    }

    private void runTask(int slot) {
        Runnable r = taskRun[slot];
        if (r == null) {
            return;
        }
        releaseTask(slot);
        r.run();
    }

    // ---- estimator -----------------------------------------------------------------------------

    /**
     * Arms the estimator's next run on its grid, if estimation is running and the run is not
     * armed yet: the first grid jiffy at or after now that has not had its run.
     */
    private void armEstimator() {
        if (estimatorOrigin < 0 || loop.isPending(estimatorTimer)
                || (profile.estimatorKthreads() && !kthreadRunning)) {
            return;
        }
        long now = jiffies();
        long k = Math.ceilDiv(now - estimatorOrigin, estimatorPeriod);
        if (!profile.estimatorKthreads()) {
            k = Math.max(k, 1);   // the netns timer first fires 2 s after namespace creation
        }
        long at = estimatorOrigin + k * estimatorPeriod;
        if (at == lastEstimatorRun) {
            at += estimatorPeriod;
        }
        estimatorTimer = loop.schedule(Math.max(nanosOfJiffy(at), loop.now()), this, K_ESTIMATOR, 0);
    }

    /**
     * Starts kthread 0's task ({@code ip_vs_est_kthread_start}, {@code ip_vs_estimation_kthread}).
     * Its timer is re-synchronised to now unless within 4 ticks; it processes one row per tick,
     * row {@code est_row} first. Every estimator sits in the last row: new ones are queued with
     * the initial delay {@code IPVS_EST_NTICKS - 1} after {@code add_row}, which the first calc
     * phase sets to row 0 ({@code ip_vs_enqueue_estimator}, {@code ip_vs_est_calc_phase}); this
     * holds while the row has room ({@code tick_max}, at least 48 estimators). So the first run
     * after the first start is 49 ticks (1.96 s) later, then every 2 s.
     */
    private void startKthread() {
        long now = jiffies();
        int row = kthreadCalibrated ? kthreadRow : 0;
        kthreadCalibrated = true;
        long timer = Math.abs(kthreadTimer - now) > 4 * estimatorTick ? now : kthreadTimer;
        estimatorOrigin = timer + (EST_NTICKS - 1 - row) * estimatorTick;
        kthreadRunning = true;
        kthreadStartJiffy = now;
        loop.cancel(estimatorTimer);
        armEstimator();
    }

    /** Stops kthread 0's task, keeping the row it would process next and that row's due jiffy. */
    private void stopKthread() {
        long now = jiffies();
        long next = estimatorOrigin + Math.ceilDiv(now - estimatorOrigin, estimatorPeriod) * estimatorPeriod;
        if (next == lastEstimatorRun) {
            next += estimatorPeriod;
        }
        // rows due at or before now have been processed; the last row is due at `next`
        kthreadRow = (int) Math.min(EST_NTICKS - 1, EST_NTICKS - Math.ceilDiv(next - now, estimatorTick));
        kthreadTimer = next - (EST_NTICKS - 1 - kthreadRow) * estimatorTick;
        kthreadRunning = false;
        loop.cancel(estimatorTimer);
    }

    /**
     * run_estimation written. CLASSIC: the timer keeps running and skips while 0. Kthreads
     * ({@code ipvs_proc_run_estimation}, {@code ip_vs_est_reload_start}): the tasks stop while
     * 0 and start again on 1, once a service has enabled the netns; stopped estimators keep
     * their counters and averages.
     */
    private void runEstimationChanged() {
        if (!profile.estimatorKthreads()) {
            armEstimator();
        } else if (enabled && runEstimation && !kthreadRunning) {
            startKthread();
        } else if (!runEstimation && kthreadRunning) {
            stopKthread();
        }
    }

    /**
     * One estimator run for the total, every service and every linked real server
     * ({@code estimation_timer}, {@code ip_vs_chain_estimation}): the estimated counters are
     * refreshed from the live ones, then the averages move. With kthreads an estimator started
     * after the drain of the queue before this run ({@code ip_vs_est_drain_temp_list}, one tick
     * earlier, or the task's start) waits for the next run. Re-armed only while some estimator
     * is not at rest (a run over zero deltas and zero averages changes nothing), so an idle
     * table does not keep the loop busy.
     */
    private void estimatorTick() {
        long now = jiffies();
        lastEstimatorRun = now;
        if (!runEstimation || (profile.estimatorKthreads() && !kthreadRunning)) {
            return;   // CLASSIC skips the run; kthreads are stopped; resumes on the sysctl or traffic
        }
        long queuedBy = profile.estimatorKthreads() ? Math.max(now - estimatorTick, kthreadStartJiffy) : Long.MAX_VALUE;
        boolean busy = estimate(totalStats, queuedBy);
        for (VirtualService s : serviceArray) {
            busy |= estimate(s.stats, queuedBy);
            for (int i = 0, n = s.dests.size(); i < n; i++) {
                busy |= estimate(s.dests.get(i).stats, queuedBy);
            }
        }
        if (busy) {
            armEstimator();
        }
    }

    private static boolean estimate(Stats s, long queuedBy) {
        if (s.estimatorSince <= queuedBy) {
            s.estimate();
        }
        return !s.atRest();
    }

    private void countConn(RealServer d, VirtualService svc) {
        d.stats.addConn();
        svc.stats.addConn();
        totalStats.addConn();
        armEstimator();
    }

    // ---- packet path ---------------------------------------------------------------------------

    /** One client-to-VIP packet; see {@link #lastConnection()} for the entry it used or created. */
    public Verdict inbound(Packet p) {
        lastConnection = -1;
        lastDest = null;
        if (backupOnly && (syncState & DaemonConfig.BACKUP) != 0) {
            return Verdict.ACCEPTED;
        }
        IpAddress sa = p.saddr;
        IpAddress da = p.daddr;
        boolean v6 = sa.isV6();
        int proto = p.protocol.number();
        boolean tcp = p.protocol == Protocol.TCP;
        boolean sctp = p.protocol == Protocol.SCTP;
        // ip_vs_conn_in_get: a client port of 0 never matches (no NO_CPORT entries are modelled)
        int cp = p.sport == 0 ? -1 : conns.findIn(false, proto, v6, sa.hi(), sa.lo(), p.sport, da.hi(), da.lo(), p.dport);

        // is_new_conn: a TCP SYN or an SCTP packet whose first chunk is INIT
        if (cp >= 0 && (tcp ? p.has(Packet.SYN) : sctp && p.sctpChunk == SctpChunk.INIT)) {
            boolean oldCt = false;
            boolean resched = false;
            RealServer d = conns.dest[cp];
            if (expireNodestConn && d != null && d.weight == 0) {
                resched = true;
                oldCt = usesOldConntrack(cp);
            } else if (connReuseMode != 0 && newConnExpected(cp, connReuseMode)) {
                oldCt = usesOldConntrack(cp);
                resched = conns.nControl[cp] == 0 || !oldCt;
            }
            if (resched) {
                if (conns.nControl[cp] == 0) {
                    expireNow(cp);
                }
                if (oldCt) {
                    return Verdict.DROPPED;
                }
                cp = -1;
            }
        }
        if (cp >= 0 && conns.dest[cp] != null && !conns.dest[cp].available) {
            if (expireNodestConn) {
                boolean oldCt = usesOldConntrack(cp);
                expireNow(cp);
                if (oldCt) {
                    return Verdict.DROPPED;
                }
                cp = -1;
            } else {
                return Verdict.DROPPED;
            }
        }
        if (cp < 0) {
            if (tcp && (p.has(Packet.RST) || !(sloppyTcp || p.has(Packet.SYN)))) {
                return Verdict.ACCEPTED;
            }
            if (sctp) {
                // sctp_conn_schedule: no chunk header drops; ABORT, or anything but INIT without
                // sloppy_sctp, passes unscheduled
                if (p.sctpChunk == SctpChunk.NONE) {
                    return Verdict.DROPPED;
                }
                if (p.sctpChunk == SctpChunk.ABORT || !(sloppySctp || p.sctpChunk == SctpChunk.INIT)) {
                    return Verdict.ACCEPTED;
                }
            }
            VirtualService svc = findService(v6, p.mark, proto, da, p.dport);
            if (svc == null) {
                return Verdict.ACCEPTED;
            }
            int r = schedule(svc, p);
            if (r == R_ACCEPT) {
                return Verdict.ACCEPTED;
            }
            if (r == R_DROP) {
                return Verdict.DROPPED;
            }
            if (r == R_LEAVE) {
                return leave(svc, p);
            }
            cp = r;
        }
        return forward(cp, TcpState.INPUT, p);
    }

    /**
     * A packet of connection {@code id} goes through: {@code ip_vs_in_stats}/{@code ip_vs_out_stats}
     * (only while the real server is available), the state transition for {@code direction}
     * ({@link TcpState#INPUT} or {@link TcpState#OUTPUT}) and the re-armed timer.
     */
    private Verdict forward(int id, int direction, Packet p) {
        RealServer d = conns.dest[id];
        if (d != null && d.available) {
            if (direction == TcpState.INPUT) {
                d.stats.addIn(p.length);
                d.service.stats.addIn(p.length);
                totalStats.addIn(p.length);
            } else {
                d.stats.addOut(p.length);
                d.service.stats.addOut(p.length);
                totalStats.addOut(p.length);
            }
            armEstimator();
        }
        stateTransition(id, direction, p);
        lastConnection = id;
        lastDest = d;
        putConn(id);
        return Verdict.FORWARDED;
    }

    /** {@code is_new_conn_expected}. */
    private boolean newConnExpected(int cp, int mode) {
        if (conns.control[cp] >= 0) {
            return false;
        }
        int st = conns.state[cp];
        if ((conns.proto[cp] & 0xff) == 132) {
            return st == SctpState.CLOSED;
        }
        return st == TcpState.TIME_WAIT || st == TcpState.CLOSE
                || ((mode & 2) != 0 && st == TcpState.FIN_WAIT && (conns.flags[cp] & ConnFlags.NOOUTPUT) != 0);
    }

    /** {@code ip_vs_conn_uses_old_conntrack}: the entry keeps conntrack and the packet's conntrack is confirmed. */
    private boolean usesOldConntrack(int cp) {
        return (conns.flags[cp] & ConnFlags.NFCT) != 0 && conntrackConfirmed;
    }

    /** {@code ip_vs_service_find}: fwmark, exact, FTP (port 21) for data ports, then port 0. */
    private VirtualService findService(boolean v6, int mark, int proto, IpAddress daddr, int dport) {
        VirtualService svc = null;
        if (mark != 0) {
            svc = serviceIndex.findFwmark(v6, mark);
            if (svc != null) {
                return svc;
            }
        }
        svc = serviceIndex.find(v6, proto, daddr.hi(), daddr.lo(), dport);
        if (svc == null && proto == 6 && ftpServices > 0 && (dport == FTP_DATA_PORT || dport >= 1024)) {
            svc = serviceIndex.find(v6, 6, daddr.hi(), daddr.lo(), FTP_PORT);
        }
        if (svc == null && nullServices > 0) {
            svc = serviceIndex.find(v6, proto, daddr.hi(), daddr.lo(), 0);
        }
        return svc;
    }

    /** Packet-path service lookup exposed for tests and explain tools (no allocation). */
    public VirtualService serviceFor(Packet p) {
        return findService(p.saddr.isV6(), p.mark, p.protocol.number(), p.daddr, p.dport);
    }

    private RealServer callScheduler(VirtualService svc, Packet p) {
        RealServer d = svc.scheduler == null ? null : svc.scheduler.schedule(p);
        for (TableObserver o : observers) {
            o.scheduled(svc, d);
        }
        return d;
    }

    /** {@code ip_vs_schedule}. */
    private int schedule(VirtualService svc, Packet p) {
        if (p.sport == FTP_DATA_PORT) {
            return R_ACCEPT;   // never schedule active FTP data from port 20
        }
        if (svc.isPersistent()) {
            return schedulePersistent(svc, p);
        }
        if (svc.key.fwmark() == 0 && p.dport != svc.key.port()) {
            return R_LEAVE;    // port-0 or FTP-matched service without persistence
        }
        RealServer d = callScheduler(svc, p);
        if (d == null) {
            return R_LEAVE;
        }
        int flags = svc.hasFlag(ServiceFlags.ONEPACKET) && p.protocol == Protocol.UDP ? ConnFlags.ONE_PACKET : 0;
        IpAddress sa = p.saddr;
        IpAddress da = p.daddr;
        int id = newConn(p.protocol.number(), sa.isV6(), sa.hi(), sa.lo(), p.sport, da.hi(), da.lo(), p.dport,
                d.port != 0 ? d.port : p.dport, flags, d, p.mark);
        countConn(d, svc);
        return id;
    }

    /** {@code ip_vs_sched_persist}. */
    private int schedulePersistent(VirtualService svc, Packet p) {
        IpAddress sa = p.saddr;
        IpAddress da = p.daddr;
        boolean v6 = sa.isV6();
        long snetHi;
        long snetLo;
        if (!v6) {
            snetHi = 0;
            snetLo = sa.lo() & Integer.toUnsignedLong(svc.netmask);
        } else {
            int plen = svc.netmask;
            snetHi = sa.hi() & (plen <= 0 ? 0 : plen >= 64 ? -1L : -1L << (64 - plen));
            snetLo = sa.lo() & (plen <= 64 ? 0 : plen >= 128 ? -1L : -1L << (128 - plen));
        }
        int svcPort = svc.key.port();
        int tproto = p.protocol.number();
        long vHi = da.hi();
        long vLo = da.lo();
        int tvport = 0;
        if (p.dport == svcPort) {
            if (svcPort != FTP_PORT) {
                tvport = p.dport;
            }
        } else if (svc.key.fwmark() != 0) {
            tproto = 0;   // IPPROTO_IP: one template for every protocol and port under the mark
            vHi = 0;
            vLo = Integer.toUnsignedLong(svc.key.fwmark());
        }
        if (!svc.peName.isEmpty()) {
            return R_DROP;   // the sip engine needs a SIP Call-ID, which modelled packets do not carry
        }
        int ct = conns.findIn(true, tproto, v6, snetHi, snetLo, 0, vHi, vLo, tvport);
        RealServer d;
        if (ct < 0 || !templateValid(ct)) {
            d = callScheduler(svc, p);
            if (d == null) {
                return R_LEAVE;
            }
            int tdport = p.dport == svcPort && svcPort != FTP_PORT ? d.port : 0;
            ct = newConn(tproto, v6, snetHi, snetLo, 0, vHi, vLo, tvport, tdport, ConnFlags.TEMPLATE, d, p.mark);
            conns.timeout[ct] = (int) svc.timeoutJiffies;
        } else {
            d = conns.dest[ct];
        }
        int dport = p.dport;
        if (dport == svcPort && d.port != 0) {
            dport = d.port;
        }
        int flags = svc.hasFlag(ServiceFlags.ONEPACKET) && p.protocol == Protocol.UDP ? ConnFlags.ONE_PACKET : 0;
        int id = newConn(p.protocol.number(), v6, sa.hi(), sa.lo(), p.sport, da.hi(), da.lo(), p.dport, dport, flags, d, p.mark);
        conns.control[id] = ct;
        conns.nControl[ct]++;
        putConn(ct);   // the only place a template's timer is re-armed
        countConn(d, svc);
        return id;
    }

    /** {@code ip_vs_check_template}: an unusable template is neutralised (ports 0xffff) and left to expire. */
    private boolean templateValid(int ct) {
        RealServer d = conns.dest[ct];
        if (d == null || !d.available || (expireQuiescentTemplate && d.weight == 0)) {
            if (conns.vport[ct] != 0xFFFF && conns.isIndexed(ct)) {
                conns.rekey(ct, 0, 0xFFFF, 0xFFFF);
            }
            return false;
        }
        return true;
    }

    /** {@code ip_vs_leave} without cache_bypass: FTP-matched ports pass, everything else gets ICMP unreachable. */
    private Verdict leave(VirtualService svc, Packet p) {
        if (svc.key.port() == FTP_PORT && p.dport != FTP_PORT) {
            return Verdict.ACCEPTED;
        }
        return Verdict.REJECTED;
    }

    /** {@code set_tcp_state} / {@code udp_state_transition}. */
    private void stateTransition(int id, int direction, Packet p) {
        int proto = conns.proto[id] & 0xff;
        if (proto == 17) {
            conns.timeout[id] = udpTimeout;
            if (direction == TcpState.OUTPUT) {
                assure(id);
            }
            return;
        }
        boolean sctp = proto == 132;
        if (proto != 6 && !sctp) {
            return;
        }
        if (sctp && p.sctpChunk == SctpChunk.NONE) {
            return;   // set_sctp_state: no chunk header, nothing changes (not even the timeout)
        }
        int f = conns.flags[id];
        int table = direction;
        if ((f & ConnFlags.NOOUTPUT) != 0) {
            if (direction == TcpState.OUTPUT) {
                conns.flags[id] = f &= ~ConnFlags.NOOUTPUT;
            } else {
                table = TcpState.INPUT_ONLY;
            }
        }
        int old = conns.state[id];
        int nw = sctp ? SctpState.next(table, old, p.sctpChunk, p.sctpSecondChunk)
                : TcpState.next(secureTcpTables, table, old, p.tcpFlags);
        if (nw != old) {
            RealServer d = conns.dest[id];
            boolean active = sctp ? SctpState.isActive(nw) : TcpState.isActive(nw);
            if (d != null) {
                // 6.1 also moves inactconns here; 6.12 derives it from totalconns (same counts)
                if ((f & ConnFlags.INACTIVE) == 0 && !active) {
                    d.activeConns--;
                    conns.flags[id] |= ConnFlags.INACTIVE;
                } else if ((f & ConnFlags.INACTIVE) != 0 && active) {
                    d.activeConns++;
                    conns.flags[id] &= ~ConnFlags.INACTIVE;
                }
            }
            if (sctp ? nw == SctpState.ESTABLISHED : nw == TcpState.ESTABLISHED) {
                assure(id);
            }
            conns.state[id] = (byte) nw;
            for (TableObserver o : observers) {
                o.stateChanged(id, old, nw);
            }
        }
        conns.timeout[id] = sctp ? sctpTimeouts[nw] : tcpTimeouts[nw];
    }

    /** {@code ip_vs_control_assure_ct}. */
    private void assure(int id) {
        int ct = conns.control[id];
        if (ct >= 0 && (conns.flags[ct] & ConnFlags.TEMPLATE) != 0) {
            conns.state[ct] |= TcpState.TEMPLATE_ASSURED;
        }
    }

    /** One real-server-to-client reply (NAT only: the director sees it and the OUTPUT table applies). */
    public Verdict outbound(Packet p) {
        lastConnection = -1;
        lastDest = null;
        IpAddress sa = p.saddr;   // real server
        IpAddress da = p.daddr;   // client
        boolean v6 = sa.isV6();
        int proto = p.protocol.number();
        int id = conns.findOut(proto, v6, da.hi(), da.lo(), p.dport, sa.hi(), sa.lo(), p.sport);
        if (id < 0) {
            // a non-NAT entry answers from the virtual address (ip_vs_conn_out_get's other half)
            int other = conns.findIn(false, proto, v6, da.hi(), da.lo(), p.dport, sa.hi(), sa.lo(), p.sport);
            if (other >= 0 && (conns.flags[other] & ConnFlags.FWD_MASK) != ForwardingMethod.MASQ.code()) {
                id = other;
            }
        }
        if (id < 0) {
            if (natIcmpSend && hasRealService(proto, sa, p.sport) && !(proto == 6 && p.has(Packet.RST))
                    && !(proto == 132 && p.sctpChunk == SctpChunk.ABORT)) {
                return Verdict.REJECTED;
            }
            return Verdict.ACCEPTED;
        }
        return forward(id, TcpState.OUTPUT, p);
    }

    /** {@code ip_vs_has_real_service}: a linked NAT real server with this protocol, address and port. */
    private boolean hasRealService(int proto, IpAddress addr, int port) {
        for (VirtualService s : serviceArray) {
            if (s.key.protocol().number() != proto) {
                continue;
            }
            for (int i = 0, n = s.dests.size(); i < n; i++) {
                RealServer d = s.dests.get(i);
                if (d.port == port && d.forwarding == ForwardingMethod.MASQ && d.address.equals(addr)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Connection id used by the last {@link #inbound}/{@link #outbound} call, -1 if none. A one-packet entry is already freed. */
    public int lastConnection() {
        return lastConnection;
    }

    /** Real server the last {@link #inbound}/{@link #outbound} packet went to (null if none). */
    public RealServer lastDest() {
        return lastDest;
    }

    /** The connection table (structure of arrays, ids are slots). */
    public ConnectionTable connections() {
        return conns;
    }

    // ---- timeouts ------------------------------------------------------------------------------

    /** {@code ipvsadm --set}: 0 leaves a value unchanged; negative or above INT_MAX/HZ → EINVAL. */
    public int setTimeouts(int tcp, int tcpFin, int udp) {
        int max = Integer.MAX_VALUE / hz;
        if (tcp < 0 || tcp > max || tcpFin < 0 || tcpFin > max) {
            return Errno.EINVAL;
        }
        if (udp < 0 || udp > max) {
            return Errno.EINVAL;
        }
        if (tcp != 0) {
            tcpTimeouts[TcpState.ESTABLISHED] = tcp * hz;
        }
        if (tcpFin != 0) {
            tcpTimeouts[TcpState.FIN_WAIT] = tcpFin * hz;
        }
        if (udp != 0) {
            udpTimeout = udp * hz;
        }
        return Errno.OK;
    }

    public Timeouts timeouts() {
        return new Timeouts(tcpTimeouts[TcpState.ESTABLISHED] / hz, tcpTimeouts[TcpState.FIN_WAIT] / hz, udpTimeout / hz);
    }

    /** Timeout of a TCP state in jiffies, as the next transition into it will set it. */
    public int tcpTimeoutJiffies(int state) {
        return tcpTimeouts[state];
    }

    // ---- sync daemon ---------------------------------------------------------------------------

    /**
     * {@code IPVS_CMD_NEW_DAEMON}: records the daemon with the kernel's defaults filled in
     * ({@code ip_vs_genl_new_daemon}, {@code start_sync_thread}). No sync traffic is modelled; a
     * running backup with sysctl backup_only=1 makes the director ignore all packets.
     */
    public int startDaemon(DaemonConfig c) {
        if (c == null || c.interfaceName() == null) {
            return Errno.EINVAL;
        }
        if (c.group() != null) {
            boolean multicast = c.group().isV6() ? (c.group().hi() >>> 56) == 0xFF : (c.group().v4() >>> 28) == 0xE;
            if (!multicast) {
                return Errno.EINVAL;
            }
        }
        if (mixedFamilyDests > 0) {
            return Errno.EINVAL;
        }
        Integer mtu = interfaces.get(c.interfaceName());
        if (mtu == null) {
            return Errno.ENODEV;
        }
        IpAddress group = c.group() == null ? DaemonConfig.DEFAULT_GROUP : c.group();
        int port = c.port() == 0 ? DaemonConfig.DEFAULT_PORT : c.port();
        int ttl = c.ttl() == 0 ? 1 : c.ttl();
        int hlen = group.isV6() ? 40 + 8 : 20 + 8;
        boolean backup = c.state() == DaemonConfig.BACKUP;
        int linkMtu = backup ? Math.clamp(mtu, 1500, 65535) : 1500;
        int minLen = backup ? 1024 : 1;
        int maxLen = c.maxLen() != 0 ? Math.clamp(Integer.toUnsignedLong(c.maxLen()), minLen, 65535 - hlen) : linkMtu - hlen;
        DaemonConfig eff = new DaemonConfig(c.state(), c.interfaceName(), c.syncId(), maxLen, group, port, ttl);
        if (c.state() == DaemonConfig.MASTER) {
            if (masterDaemon != null) {
                return Errno.EEXIST;
            }
            if (group.isV6() && LOOPBACK.equals(c.interfaceName())) {
                // ip_vs_sync.c make_send_sock: the master's socket connect()s to the group through
                // the interface; loopback has no IFF_MULTICAST, so it has no ff00::/8 route
                // (IPv4 needs none when the output device is given); seen on 6.12.117
                return Errno.ENETUNREACH;
            }
            masterDaemon = eff;
        } else if (backup) {
            if (backupDaemon != null) {
                return Errno.EEXIST;
            }
            backupDaemon = eff;
        } else {
            return Errno.EINVAL;
        }
        syncState |= c.state();
        return Errno.OK;
    }

    /** {@code IPVS_CMD_DEL_DAEMON}: ESRCH when that daemon does not run, EINVAL for an unknown state. */
    public int stopDaemon(int state) {
        if (state == DaemonConfig.MASTER) {
            if (masterDaemon == null) {
                return Errno.ESRCH;
            }
            masterDaemon = null;
        } else if (state == DaemonConfig.BACKUP) {
            if (backupDaemon == null) {
                return Errno.ESRCH;
            }
            backupDaemon = null;
        } else {
            return Errno.EINVAL;
        }
        syncState &= ~state;
        return Errno.OK;
    }

    /** The running daemon of that state (defaults filled in), or null. */
    public DaemonConfig daemon(int state) {
        return state == DaemonConfig.MASTER ? masterDaemon : state == DaemonConfig.BACKUP ? backupDaemon : null;
    }

    // ---- queries -------------------------------------------------------------------------------

    /** The service with this identity, or null. */
    public VirtualService findService(ServiceKey key) {
        return services.get(key);
    }

    /** All services in a deterministic order (creation order; the kernel's hash order is per boot). */
    public List<VirtualService> services() {
        return List.copyOf(services.values());
    }

    /** Counters over the whole table. */
    public Stats totalStats() {
        return totalStats;
    }

    /** Number of live connection entries of every kind (the kernel's {@code conn_count}). */
    public int connectionCount() {
        return conns.size();
    }

    /** Declared interfaces and their MTU, for listings. */
    public Map<String, Integer> interfaces() {
        return Collections.unmodifiableMap(interfaces);
    }
}
