package org.lvslab.ipvs;

import java.util.ArrayList;
import java.util.List;
import org.lvslab.engine.EventLoop;
import org.lvslab.ipvs.sched.Explain;
import org.lvslab.ipvs.sched.RandomSource;
import org.lvslab.ipvs.sched.Scheduler;
import org.lvslab.ipvs.sched.SchedulerContext;
import org.lvslab.ipvs.sched.SchedulerProvider;

/**
 * One service whose real servers' weights, counters and flags are set directly, with no
 * connection table: the bench on which scheduler tests and benchmarks put a scheduler. Admin
 * calls follow the kernel's hook order (link at the front then {@code add_dest}, unlink then
 * {@code del_dest}, {@code upd_dest} after every edit, last_weight kept on a zero-weight edit).
 * Time is in jiffies and moves only through {@link #advance(long)}; scheduler timers are events of
 * an {@link EventLoop} whose clock counts jiffies here (the engine is unit-agnostic).
 */
public final class Testbed implements SchedulerContext {
    private final KernelProfile profile;
    private final VirtualService service;
    private final Sysctls sysctls = new Sysctls();
    private final int hz;
    private RandomSource random = bound -> {
        throw new IllegalStateException("no random source scripted for this testbed");
    };
    private Explain explain = Explain.OFF;
    private final EventLoop timers = new EventLoop();

    public Testbed(KernelProfile profile, ServiceKey key, int flags) {
        this.profile = profile;
        this.hz = 250;
        this.service = new VirtualService(key);
        this.service.flags = flags;
        this.service.netmask = key.family() == AddressFamily.INET6 ? 128 : 0xFFFFFFFF;
    }

    /** A TCP service 10.0.0.1:80 without flags on the newest kernel. */
    public static Testbed tcp(KernelProfile profile) {
        return new Testbed(profile, ServiceKey.of(Protocol.TCP, IpAddress.parse("10.0.0.1"), 80), 0);
    }

    public VirtualService service() {
        return service;
    }

    public Testbed flags(int flags) {
        service.flags = flags;
        return this;
    }

    /** Binds a scheduler ({@code init_service} with the current list). */
    public Scheduler bind(SchedulerProvider provider) {
        if (service.scheduler != null) {
            service.scheduler.done();
        }
        service.schedulerName = provider.name();
        service.scheduler = provider.create(service, this);
        return service.scheduler;
    }

    /** Adds a real server "a.b.c.d:port" (or "[v6]:port") at the front of the list. */
    public RealServer add(String addressAndPort, int weight) {
        int colon = addressAndPort.lastIndexOf(':');
        String host = addressAndPort.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(addressAndPort.substring(colon + 1));
        RealServer d = new RealServer(service, IpAddress.parse(host), port, profile.totalConns());
        d.weight = weight;
        d.lastWeight = weight;
        d.forwarding = ForwardingMethod.MASQ;
        d.available = true;
        service.linkFront(d);
        if (service.scheduler != null) {
            service.scheduler.addDest(d);
        }
        return d;
    }

    /** An edit that sets the weight (last_weight only follows non-zero weights), then {@code upd_dest}. */
    public void setWeight(RealServer d, int weight) {
        if (weight != 0) {
            d.lastWeight = weight;
        }
        d.weight = weight;
        update(d);
    }

    /** An edit that changes nothing but still runs {@code upd_dest} (e.g. a threshold-only edit). */
    public void update(RealServer d) {
        if (service.scheduler != null) {
            service.scheduler.updateDest(d);
        }
    }

    /** Sets the connection counters directly (inactive = non-template inactive connections). */
    public void setCounters(RealServer d, int active, int inactive) {
        d.activeConns = active;
        d.totalConns = active + inactive;
    }

    public void setOverloaded(RealServer d, boolean overloaded) {
        d.overloaded = overloaded;
    }

    /** Deletes a real server: unlink, clear AVAILABLE, then {@code del_dest}. */
    public void remove(RealServer d) {
        d.available = false;
        service.unlink(d);
        if (service.scheduler != null) {
            service.scheduler.delDest(d);
        }
    }

    /** Re-links a removed real server at the front (trash revival), then {@code add_dest}. */
    public void revive(RealServer d) {
        d.available = true;
        service.linkFront(d);
        if (service.scheduler != null) {
            service.scheduler.addDest(d);
        }
    }

    public RealServer schedule(Packet p) {
        return service.scheduler.schedule(p);
    }

    /** Schedules a TCP SYN from {@code client}:{@code sport} to the service address. */
    public RealServer schedule(String client, int sport) {
        Packet p = new Packet().set(service.key.protocol(), IpAddress.parse(client), sport,
                service.key.address(), service.key.port(), Packet.SYN);
        return schedule(p);
    }

    public List<RealServer> dests() {
        return new ArrayList<>(service.dests);
    }

    public Testbed random(RandomSource r) {
        this.random = r;
        return this;
    }

    public Testbed explain(Explain e) {
        this.explain = e;
        return this;
    }

    /** Moves time forward, running due timers in time order (FIFO on ties). */
    public void advance(long deltaJiffies) {
        timers.runUntil(timers.now() + deltaJiffies);
    }

    @Override
    public KernelProfile profile() {
        return profile;
    }

    @Override
    public long jiffies() {
        return timers.now();
    }

    @Override
    public int hz() {
        return hz;
    }

    @Override
    public Sysctls sysctls() {
        return sysctls;
    }

    @Override
    public long scheduleTimer(long delayJiffies, Runnable task) {
        return timers.scheduleAfter(delayJiffies, (kind, payload) -> task.run(), 0, 0);
    }

    @Override
    public void cancelTimer(long handle) {
        timers.cancel(handle);
    }

    @Override
    public RandomSource random() {
        return random;
    }

    @Override
    public Explain explain() {
        return explain;
    }
}
