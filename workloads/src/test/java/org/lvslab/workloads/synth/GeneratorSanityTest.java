package org.lvslab.workloads.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lvslab.engine.RandomStream;
import org.lvslab.engine.RandomStreams;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.ConnectionSource;
import org.lvslab.workloads.stats.TraceStats;

/** Distribution sanity over many samples; deterministic because every stream is seeded. */
class GeneratorSanityTest {
    static TraceStats stats(String spec) throws IOException {
        try (ConnectionSource s = WorkloadSpec.parse(spec).open()) {
            return TraceStats.of(s);
        }
    }

    @Test
    void poissonMeanRateIsWithinTwoPercent() throws IOException {
        TraceStats s = stats("seed=1 length=1000s arrivals=poisson(rate=200)");
        assertThat(s.connections() / 1000.0).isCloseTo(200, within(4.0));
    }

    @Test
    void onOffAndMmppRatesMatchTheirTimeWeightedMean() throws IOException {
        WorkloadSpec onoff = WorkloadSpec.parse("seed=2 length=20000s arrivals=onoff(rate=100,on=5s,off=15s)");
        assertThat(onoff.meanRate()).isEqualTo(25.0);
        assertThat(stats(onoff.text()).connections() / 20000.0).isCloseTo(25, within(1.25));
        WorkloadSpec mmpp = WorkloadSpec.parse("seed=3 length=20000s arrivals=mmpp(rates=10/100/40,dwell=10s/2s/8s)");
        double mean = (10 * 10 + 100 * 2 + 40 * 8) / 20.0;
        assertThat(mmpp.meanRate()).isCloseTo(mean, within(1e-9));
        assertThat(stats(mmpp.text()).connections() / 20000.0).isCloseTo(mean, within(mean * 0.05));
    }

    @Test
    void diurnalCurvePeaksWhereAsked() throws IOException {
        TraceStats s = stats("seed=4 length=200s arrivals=diurnal(mean=500,amplitude=0.8,period=100s,peak=25s)");
        long[] ps = s.perSecond();
        long nearPeak = ps[24] + ps[25] + ps[26];
        long nearTrough = ps[74] + ps[75] + ps[76];
        assertThat(s.connections() / 200.0).isCloseTo(500, within(15.0));
        assertThat(nearPeak / 3.0).isCloseTo(900, within(90.0));
        assertThat(nearTrough / 3.0).isCloseTo(100, within(30.0));
    }

    @Test
    void rateTableStepsAtItsTimes() throws IOException {
        TraceStats s = stats("seed=5 length=300s arrivals=table(0s=50,100s=400,200s=0)");
        long first = 0;
        long second = 0;
        long third = 0;
        long[] ps = s.perSecond();
        for (int i = 0; i < ps.length; i++) {
            long t = s.firstNs() / 1_000_000_000L + i;
            if (t < 100) {
                first += ps[i];
            } else if (t < 200) {
                second += ps[i];
            } else {
                third += ps[i];
            }
        }
        assertThat(first / 100.0).isCloseTo(50, within(5.0));
        assertThat(second / 100.0).isCloseTo(400, within(20.0));
        assertThat(third).isZero();
    }

    @Test
    void lognormalMedianAndExponentialMeanMatch() throws IOException {
        TraceStats ln = stats("seed=6 count=50000 durations=lognormal(median=800ms,sigma=1.2)");
        assertThat(ln.durationPercentileNs(50) / 1e6).isCloseTo(800, within(30.0));
        double sum = 0;
        try (ConnectionSource src = WorkloadSpec.parse("seed=7 count=50000 durations=exp(mean=2s)").open()) {
            ConnectionRecord r = new ConnectionRecord();
            while (src.next(r)) {
                sum += r.durationNs();
            }
        }
        assertThat(sum / 50000 / 1e9).isCloseTo(2.0, within(0.05));
    }

    @Test
    void zipfMakesTheTopClientFarMoreActiveThanUniform() throws IOException {
        Map<IpAddress, Integer> counts = new HashMap<>();
        try (ConnectionSource src = WorkloadSpec.parse("seed=8 count=20000 clients=zipf(172.16.0.0/16,n=1000,s=1.2)").open()) {
            ConnectionRecord r = new ConnectionRecord();
            while (src.next(r)) {
                counts.merge(r.client(), 1, Integer::sum);
                assertThat(r.client().v4() >>> 16).isEqualTo(0xAC10);
            }
        }
        int top = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        // P(rank 1) = 1 / H(1000, 1.2) ≈ 0.236
        assertThat(top / 20000.0).isCloseTo(0.236, within(0.02));
        assertThat(counts.size()).isLessThanOrEqualTo(1000);
    }

    @Test
    void linuxPortsAreEvenInRangeAndClimbInSmallStepsPerDestination() {
        EphemeralPorts p = EphemeralPorts.linuxDefault(new RandomStreams(9).stream("ports"));
        IpAddress c = IpAddress.parse("172.16.0.5");
        IpAddress v = IpAddress.parse("10.0.0.1");
        int prev = p.tcp(c, v, 80);
        for (int i = 0; i < 5000; i++) {
            int port = p.tcp(c, v, 80);
            assertThat(port).isBetween(32768, 60999);
            assertThat(port % 2).isZero();
            int step = Math.floorMod(port - prev, 28232);
            assertThat(step).isBetween(2, 16).matches(x -> x % 2 == 0);
            prev = port;
        }
        int u = p.udp();
        assertThat(u).isBetween(32768, 60999);
    }

    @Test
    void streamRandomGeneratorIsReproducible() {
        StreamRandomGenerator a = new StreamRandomGenerator(new RandomStream(5));
        StreamRandomGenerator b = new StreamRandomGenerator(new RandomStream(5));
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextGaussian()).isEqualTo(b.nextGaussian());
        }
    }
}
