package org.lvslab.sim.server;

import java.util.function.IntConsumer;
import org.lvslab.engine.EventHandler;
import org.lvslab.engine.EventLoop;

/**
 * Processor sharing over {@code workers}: with {@code n} requests in the system each progresses
 * at {@code speed · min(1, workers / n)}. Implemented with a virtual clock {@code v} (work each
 * present request has received since v = 0): a request arriving at {@code v0} with demand
 * {@code d} finishes when {@code v} reaches {@code v0 + d}, so all requests sit in one min-heap of
 * finish tags and only the earliest one has a pending event. Arrivals and completions are
 * O(log n) and allocation-free once the heap has grown.
 */
public final class ProcessorSharing implements ServerModel, EventHandler {
    private final EventLoop loop;
    private final Capacity capacity;
    private final CompletionListener listener;

    private double v;
    private long lastNs;
    private double[] tag = new double[16];
    private int[] id = new int[16];
    private int size;
    private long handle = EventLoop.NO_EVENT;

    public ProcessorSharing(EventLoop loop, Capacity capacity, CompletionListener listener) {
        this.loop = loop;
        this.capacity = capacity;
        this.listener = listener;
        this.lastNs = loop.now();
    }

    @Override
    public Capacity capacity() {
        return capacity;
    }

    @Override
    public int inSystem() {
        return size;
    }

    @Override
    public void submit(int request, double demandSeconds) {
        if (!(demandSeconds >= 0)) {
            throw new IllegalArgumentException("demand must be >= 0 s: " + demandSeconds);
        }
        advance();
        push(v + demandSeconds, request);
        arm();
    }

    @Override
    public int dropAll(IntConsumer lost) {
        advance();
        int n = size;
        for (int i = 0; i < n; i++) {
            lost.accept(id[i]);
        }
        size = 0;
        if (handle != EventLoop.NO_EVENT) {
            loop.cancel(handle);
            handle = EventLoop.NO_EVENT;
        }
        return n;
    }

    @Override
    public void onEvent(int kind, long payload) {
        handle = EventLoop.NO_EVENT;
        advance();
        // the event was placed at the ceiling of the exact time: the head is done (v may lag by rounding)
        double done = Math.max(v, tag[0]);
        v = done;
        int request = pop();
        listener.completed(request);
        // requests finishing within the same nanosecond complete together, in tag order
        while (size > 0 && tag[0] <= v) {
            listener.completed(pop());
        }
        arm();
    }

    private double rate(int n) {
        return n <= capacity.workers() ? capacity.speed() : capacity.speed() * capacity.workers() / n;
    }

    private void advance() {
        long now = loop.now();
        if (size > 0 && now > lastNs) {
            v += (now - lastNs) * 1e-9 * rate(size);
        }
        lastNs = now;
    }

    private void arm() {
        if (size == 0) {
            if (handle != EventLoop.NO_EVENT) {
                loop.cancel(handle);
                handle = EventLoop.NO_EVENT;
            }
            return;
        }
        double seconds = Math.max(0, tag[0] - v) / rate(size);
        long at = loop.now() + (long) Math.ceil(seconds * 1e9);
        if (handle == EventLoop.NO_EVENT || !loop.reschedule(handle, at)) {
            handle = loop.schedule(at, this, 0, 0);
        }
    }

    // ---- binary min-heap on (tag, insertion order via id is not needed: equal tags keep heap order) --

    private void push(double t, int request) {
        if (size == tag.length) {
            tag = java.util.Arrays.copyOf(tag, size * 2);
            id = java.util.Arrays.copyOf(id, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (tag[p] <= t) {
                break;
            }
            tag[i] = tag[p];
            id[i] = id[p];
            i = p;
        }
        tag[i] = t;
        id[i] = request;
    }

    private int pop() {
        int top = id[0];
        size--;
        if (size > 0) {
            double t = tag[size];
            int r = id[size];
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int c = 2 * i + 1;
                if (c + 1 < size && tag[c + 1] < tag[c]) {
                    c++;
                }
                if (tag[c] >= t) {
                    break;
                }
                tag[i] = tag[c];
                id[i] = id[c];
                i = c;
            }
            tag[i] = t;
            id[i] = r;
        }
        return top;
    }
}
