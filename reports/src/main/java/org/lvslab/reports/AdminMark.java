package org.lvslab.reports;

/**
 * One admin event of a run and the disruption it caused.
 *
 * @param timeNs        simulated time of the event
 * @param label         what happened ("drain 10.0.0.3:80", "fail 10.0.0.5:80", …)
 * @param activeClients clients with an open connection at the event (watched)
 * @param observed      watched clients that opened a new connection before the next event
 * @param remapped      of those, the ones whose new connection went to another real server
 */
public record AdminMark(long timeNs, String label, int activeClients, int observed, int remapped) {
    /** Fraction of observed active clients that were remapped (NaN when none was observed). */
    public double disruption() {
        return observed == 0 ? Double.NaN : (double) remapped / observed;
    }
}
