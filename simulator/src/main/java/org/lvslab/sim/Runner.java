package org.lvslab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import org.lvslab.reports.RunResult;

/**
 * Runs independent simulations on a fixed-size thread pool. Each run has its own loop, tables
 * and random streams, so the results do not depend on the number of threads; they come back in
 * the order of the specs.
 */
public final class Runner {
    private Runner() {
    }

    /** Aggregated progress of a batch: runs done and simulated time reached over all runs. */
    public interface BatchProgress {
        BatchProgress NONE = (done, total, fraction) -> {
        };

        /** @param fraction overall progress in [0, 1] */
        void update(int done, int total, double fraction);
    }

    /** Threads to use by default: every core. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public static List<RunResult> runAll(List<SimulationSpec> specs, int threads, BatchProgress progress) {
        int n = specs.size();
        if (n == 0) {
            return List.of();
        }
        AtomicLongArray permille = new AtomicLongArray(n);
        int[] done = {0};
        Object lock = new Object();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, n)), r -> {
            Thread t = new Thread(r, "lvslab-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                SimulationSpec spec = specs.get(i);
                futures.add(pool.submit(() -> {
                    RunResult r = Simulation.run(spec, (sim, total, conns) -> {
                        if (total > 0) {
                            permille.set(k, Math.min(1000, sim * 1000 / total));
                            report(progress, lock, done, n, permille);
                        }
                    });
                    permille.set(k, 1000);
                    synchronized (lock) {
                        done[0]++;
                    }
                    report(progress, lock, done, n, permille);
                    return r;
                }));
            }
            List<RunResult> out = new ArrayList<>(n);
            for (Future<RunResult> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new SimulationException(c.toString(), c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SimulationException("interrupted", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void report(BatchProgress p, Object lock, int[] done, int n, AtomicLongArray permille) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += permille.get(i);
        }
        synchronized (lock) {
            p.update(done[0], n, sum / (1000.0 * n));
        }
    }
}
