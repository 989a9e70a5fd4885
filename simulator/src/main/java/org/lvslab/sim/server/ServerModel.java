package org.lvslab.sim.server;

import java.util.function.IntConsumer;

/**
 * One real server's processing capacity. Requests are identified by caller-chosen int ids; when a
 * request's work is done the model calls its {@link CompletionListener} from an event on the
 * simulation loop.
 */
public sealed interface ServerModel permits ProcessorSharing, FifoWorkers {

    /** Called when a request has received all of its demand. */
    @FunctionalInterface
    interface CompletionListener {
        void completed(int request);
    }

    /** Starts a request needing {@code demandSeconds} of work at speed 1 (≥ 0). */
    void submit(int request, double demandSeconds);

    /** Requests in the system (in service and waiting). */
    int inSystem();

    /** Drops every request (the server died), reporting each id to {@code lost}; returns how many. */
    int dropAll(IntConsumer lost);

    /** The capacity this model was built with. */
    Capacity capacity();

    /** How requests share the server. */
    enum Discipline {
        /** Egalitarian processor sharing over the workers (a CPU-bound server with threads). */
        PS,
        /** First come first served over N workers, waiting requests queue (a worker-pool server). */
        FIFO;

        public static Discipline parse(String s) {
            return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "ps" -> PS;
                case "fifo" -> FIFO;
                default -> throw new IllegalArgumentException("unknown server discipline \"" + s + "\" (ps, fifo)");
            };
        }
    }

    /** A model of the given discipline on {@code loop}. */
    static ServerModel create(Discipline d, org.lvslab.engine.EventLoop loop, Capacity c, CompletionListener l) {
        return switch (d) {
            case PS -> new ProcessorSharing(loop, c, l);
            case FIFO -> new FifoWorkers(loop, c, l);
        };
    }
}
