package org.lvslab.workloads.synth;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;

/** A weighted choice of the virtual service each connection goes to. */
public final class ServiceMix {
    /** One service of the mix; {@code fwmark} 0 unless the service is matched by firewall mark. */
    public record Entry(Protocol protocol, IpAddress vip, int vport, int fwmark, double weight) {
    }

    private final List<Entry> entries;
    private final double[] cumulative;
    private final RandomGenerator rng;

    public ServiceMix(List<Entry> entries, RandomGenerator rng) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("service mix is empty");
        }
        this.entries = List.copyOf(entries);
        this.cumulative = new double[entries.size()];
        double sum = 0;
        for (int i = 0; i < entries.size(); i++) {
            double w = entries.get(i).weight();
            if (!(w > 0)) {
                throw new IllegalArgumentException("service weight must be > 0: " + w);
            }
            sum += w;
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
        this.rng = rng;
    }

    public Entry next() {
        if (entries.size() == 1) {
            return entries.get(0);
        }
        double u = rng.nextDouble();
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return entries.get(i);
            }
        }
        return entries.get(entries.size() - 1);
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries);
    }
}
