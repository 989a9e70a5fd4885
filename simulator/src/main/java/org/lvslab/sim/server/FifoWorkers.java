package org.lvslab.sim.server;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.lvslab.engine.EventHandler;
import org.lvslab.engine.EventLoop;

/**
 * {@code workers} servers in front of one first-come-first-served queue (M/G/N when arrivals are
 * Poisson): a request takes a free worker for {@code demand / speed}, or waits in order of
 * arrival. One completion event per busy worker; the queue is a growable ring buffer.
 */
public final class FifoWorkers implements ServerModel, EventHandler {
    private final EventLoop loop;
    private final Capacity capacity;
    private final CompletionListener listener;

    private final int[] serving;      // request id per worker, -1 idle
    private final long[] handles;     // completion event per worker
    private int busy;

    private int[] queueId = new int[16];
    private double[] queueDemand = new double[16];
    private int head;
    private int queued;

    public FifoWorkers(EventLoop loop, Capacity capacity, CompletionListener listener) {
        this.loop = loop;
        this.capacity = capacity;
        this.listener = listener;
        this.serving = new int[capacity.workers()];
        this.handles = new long[capacity.workers()];
        Arrays.fill(serving, -1);
    }

    @Override
    public Capacity capacity() {
        return capacity;
    }

    @Override
    public int inSystem() {
        return busy + queued;
    }

    @Override
    public void submit(int request, double demandSeconds) {
        if (!(demandSeconds >= 0)) {
            throw new IllegalArgumentException("demand must be >= 0 s: " + demandSeconds);
        }
        if (busy < serving.length) {
            start(freeWorker(), request, demandSeconds);
        } else {
            enqueue(request, demandSeconds);
        }
    }

    @Override
    public int dropAll(IntConsumer lost) {
        int n = 0;
        for (int w = 0; w < serving.length; w++) {
            if (serving[w] >= 0) {
                loop.cancel(handles[w]);
                lost.accept(serving[w]);
                serving[w] = -1;
                n++;
            }
        }
        busy = 0;
        while (queued > 0) {
            lost.accept(queueId[head]);
            head = (head + 1) % queueId.length;
            queued--;
            n++;
        }
        head = 0;
        return n;
    }

    @Override
    public void onEvent(int kind, long payload) {
        int w = (int) payload;
        int request = serving[w];
        serving[w] = -1;
        busy--;
        if (queued > 0) {
            int next = queueId[head];
            double d = queueDemand[head];
            head = (head + 1) % queueId.length;
            queued--;
            start(w, next, d);
        }
        listener.completed(request);
    }

    private int freeWorker() {
        for (int w = 0; w < serving.length; w++) {
            if (serving[w] < 0) {
                return w;
            }
        }
        throw new IllegalStateException("no free worker");
    }

    private void start(int w, int request, double demand) {
        serving[w] = request;
        busy++;
        long ns = (long) Math.ceil(demand / capacity.speed() * 1e9);
        handles[w] = loop.scheduleAfter(ns, this, 0, w);
    }

    private void enqueue(int request, double demand) {
        if (queued == queueId.length) {
            int n = queueId.length * 2;
            int[] ids = new int[n];
            double[] ds = new double[n];
            for (int i = 0; i < queued; i++) {
                ids[i] = queueId[(head + i) % queueId.length];
                ds[i] = queueDemand[(head + i) % queueId.length];
            }
            queueId = ids;
            queueDemand = ds;
            head = 0;
        }
        int tail = (head + queued) % queueId.length;
        queueId[tail] = request;
        queueDemand[tail] = demand;
        queued++;
    }
}
