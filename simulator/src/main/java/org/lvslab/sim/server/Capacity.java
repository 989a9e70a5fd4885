package org.lvslab.sim.server;

/**
 * A real server's capacity: {@code workers} requests progress in parallel, each at
 * {@code speed} (1 = the speed the workload's demands are measured at).
 */
public record Capacity(int workers, double speed) {
    public Capacity {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number: " + speed);
        }
    }

    /** Requests per second the server completes at full load for a mean demand (seconds). */
    public double serviceRate(double meanDemandSeconds) {
        return workers * speed / meanDemandSeconds;
    }

    /** Parses {@code WORKERS} or {@code WORKERSxSPEED} ("8", "4x1.5"). */
    public static Capacity parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        int x = t.indexOf('x');
        try {
            if (x < 0) {
                return new Capacity(Integer.parseInt(t), 1.0);
            }
            return new Capacity(Integer.parseInt(t.substring(0, x)), Double.parseDouble(t.substring(x + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad capacity \"" + text + "\" (WORKERS or WORKERSxSPEED, e.g. 8 or 4x1.5)");
        }
    }

    @Override
    public String toString() {
        return workers + "x" + org.lvslab.reports.io.Fmt.num(speed, 4);
    }
}
