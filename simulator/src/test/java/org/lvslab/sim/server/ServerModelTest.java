package org.lvslab.sim.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvslab.engine.EventHandler;
import org.lvslab.engine.EventLoop;
import org.lvslab.engine.RandomStream;

class ServerModelTest {
    /** Feeds Poisson arrivals with exponential demands into a model and returns the mean sojourn time in seconds. */
    private static double meanSojourn(ServerModel.Discipline d, Capacity c, double lambda, double meanDemand, int requests, long seed) {
        EventLoop loop = new EventLoop();
        long[] arrival = new long[requests];
        double[] sum = {0};
        int[] done = {0};
        ServerModel[] m = new ServerModel[1];
        m[0] = ServerModel.create(d, loop, c, r -> {
            sum[0] += (loop.now() - arrival[r]) * 1e-9;
            done[0]++;
        });
        RandomStream arrivals = new RandomStream(seed);
        RandomStream demands = new RandomStream(seed + 1);
        EventHandler source = new EventHandler() {
            int next;

            @Override
            public void onEvent(int kind, long payload) {
                int r = next++;
                arrival[r] = loop.now();
                m[0].submit(r, -Math.log(1 - demands.nextDouble()) * meanDemand);
                if (next < requests) {
                    loop.scheduleAfter((long) (-Math.log(1 - arrivals.nextDouble()) / lambda * 1e9), this, 0, 0);
                }
            }
        };
        loop.schedule(0, source, 0, 0);
        loop.run();
        assertThat(done[0]).isEqualTo(requests);
        return sum[0] / requests;
    }

    @Test
    void mm1ProcessorSharingMeanSojournIsOneOverMuMinusLambda() {
        // μ = 10/s, λ = 7/s → E[T] = 1 / 3 s (the same for PS and FCFS)
        double t = meanSojourn(ServerModel.Discipline.PS, new Capacity(1, 1.0), 7, 0.1, 200_000, 11);
        assertThat(t).isCloseTo(1.0 / 3, within(0.02));
    }

    @Test
    void mm1FifoMeanSojournIsOneOverMuMinusLambda() {
        double t = meanSojourn(ServerModel.Discipline.FIFO, new Capacity(1, 1.0), 7, 0.1, 200_000, 12);
        assertThat(t).isCloseTo(1.0 / 3, within(0.02));
    }

    @Test
    void speedScalesTheServiceRate() {
        // speed 2 with mean demand 0.1 s: μ = 20/s, λ = 10/s → E[T] = 0.1 s
        double t = meanSojourn(ServerModel.Discipline.PS, new Capacity(1, 2.0), 10, 0.1, 200_000, 13);
        assertThat(t).isCloseTo(0.1, within(0.006));
    }

    @Test
    void mm2FifoMatchesErlangC() {
        // M/M/2, μ = 10 per worker, λ = 15: ρ = 0.75, P(wait) = 2ρ²/(1+ρ) = 0.642857…,
        // E[T] = 1/μ + P(wait)/(2μ − λ) = 0.1 + 0.642857/5 = 0.228571
        double t = meanSojourn(ServerModel.Discipline.FIFO, new Capacity(2, 1.0), 15, 0.1, 200_000, 14);
        assertThat(t).isCloseTo(0.228571, within(0.012));
    }

    @Test
    void processorSharingSplitsTheSpeedAmongRequestsBeyondTheWorkers() {
        EventLoop loop = new EventLoop();
        List<String> log = new ArrayList<>();
        ProcessorSharing ps = new ProcessorSharing(loop, new Capacity(1, 1.0), r -> log.add(r + "@" + loop.now()));
        ps.submit(1, 1.0); // alone: would finish at 1 s
        ps.submit(2, 1.0); // both at half speed: both finish at 2 s
        loop.run();
        assertThat(log).containsExactly("1@2000000000", "2@2000000000");
    }

    @Test
    void processorSharingGivesEachRequestFullSpeedWhileWorkersAreFree() {
        EventLoop loop = new EventLoop();
        List<String> log = new ArrayList<>();
        ProcessorSharing ps = new ProcessorSharing(loop, new Capacity(2, 1.0), r -> log.add(r + "@" + loop.now()));
        ps.submit(1, 1.0);
        ps.submit(2, 3.0);
        loop.run();
        assertThat(log).containsExactly("1@1000000000", "2@3000000000");
    }

    @Test
    void processorSharingLateArrivalSlowsTheRequestInService() {
        EventLoop loop = new EventLoop();
        List<String> log = new ArrayList<>();
        ProcessorSharing ps = new ProcessorSharing(loop, new Capacity(1, 1.0), r -> log.add(r + "@" + loop.now()));
        ps.submit(1, 2.0);
        loop.schedule(1_000_000_000L, (k, p) -> ps.submit(2, 0.5), 0, 0);
        loop.run();
        // request 1 has 1 s left at t=1; sharing: request 2 done after 1 s more (t=2), then 1 finishes its last 0.5 s at t=2.5
        assertThat(log).containsExactly("2@2000000000", "1@2500000000");
    }

    @Test
    void fifoServesInArrivalOrderAndQueuesBeyondTheWorkers() {
        EventLoop loop = new EventLoop();
        List<String> log = new ArrayList<>();
        FifoWorkers f = new FifoWorkers(loop, new Capacity(1, 1.0), r -> log.add(r + "@" + loop.now()));
        f.submit(1, 1.0);
        f.submit(2, 0.5);
        f.submit(3, 0.25);
        assertThat(f.inSystem()).isEqualTo(3);
        loop.run();
        assertThat(log).containsExactly("1@1000000000", "2@1500000000", "3@1750000000");
    }

    @Test
    void droppingAllReportsEveryRequestAndCancelsTheirCompletions() {
        for (ServerModel.Discipline d : ServerModel.Discipline.values()) {
            EventLoop loop = new EventLoop();
            List<Integer> completed = new ArrayList<>();
            ServerModel m = ServerModel.create(d, loop, new Capacity(2, 1.0), completed::add);
            for (int r = 0; r < 5; r++) {
                m.submit(r, 1.0);
            }
            List<Integer> lost = new ArrayList<>();
            assertThat(m.dropAll(lost::add)).isEqualTo(5);
            assertThat(lost).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
            assertThat(m.inSystem()).isZero();
            loop.run();
            assertThat(completed).as(d.name()).isEmpty();
            m.submit(9, 0.5);
            loop.run();
            assertThat(completed).containsExactly(9);
        }
    }

    @Test
    void capacityParsesWorkersAndSpeed() {
        assertThat(Capacity.parse("8")).isEqualTo(new Capacity(8, 1.0));
        assertThat(Capacity.parse("4x1.5")).isEqualTo(new Capacity(4, 1.5));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Capacity.parse("four"))
                .hasMessageContaining("bad capacity \"four\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Capacity.parse("0"))
                .hasMessageContaining("workers must be at least 1");
    }
}
