package org.lvslab.ipvs;

import org.lvslab.ipvs.sched.Explain;
import org.lvslab.ipvs.sched.RandomSource;
import org.lvslab.ipvs.sched.SchedulerContext;

/**
 * What one scheduler binding of one service gets from the table: the table's clock and sysctls,
 * timers on the table's event loop, the service's random stream ({@code "sched:" + service}) and
 * the table's explain sink. A new context is made for every binding; when the scheduler is
 * unbound ({@code done_service}) the context cancels any timers its scheduler left behind.
 */
final class TableSchedulerContext implements SchedulerContext {
    private final IpvsTable table;
    private final VirtualService service;
    private long[] handles = new long[4];
    private int handleCount;
    private boolean closed;

    TableSchedulerContext(IpvsTable table, VirtualService service) {
        this.table = table;
        this.service = service;
    }

    @Override
    public KernelProfile profile() {
        return table.profile();
    }

    @Override
    public long jiffies() {
        return table.jiffies();
    }

    @Override
    public int hz() {
        return table.hz();
    }

    @Override
    public Sysctls sysctls() {
        return table.sysctls();
    }

    @Override
    public long scheduleTimer(long delayJiffies, Runnable task) {
        if (closed) {
            throw new IllegalStateException("scheduler of " + service + " was unbound; it may not arm timers");
        }
        long h = table.scheduleTask(delayJiffies, task);
        // forget handles that already ran, so the list stays as small as the live timers
        int w = 0;
        for (int i = 0; i < handleCount; i++) {
            if (table.isTaskPending(handles[i])) {
                handles[w++] = handles[i];
            }
        }
        handleCount = w;
        if (handleCount == handles.length) {
            handles = java.util.Arrays.copyOf(handles, handleCount * 2);
        }
        handles[handleCount++] = h;
        return h;
    }

    @Override
    public void cancelTimer(long handle) {
        table.cancelTask(handle);
    }

    @Override
    public RandomSource random() {
        return service.random;
    }

    @Override
    public Explain explain() {
        return table.explain();
    }

    /** The binding ended: cancel what is still pending. */
    void close() {
        closed = true;
        for (int i = 0; i < handleCount; i++) {
            table.cancelTask(handles[i]);
        }
        handleCount = 0;
    }
}
