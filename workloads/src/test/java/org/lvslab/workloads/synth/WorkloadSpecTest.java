package org.lvslab.workloads.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.ConnectionSource;

class WorkloadSpecTest {
    static List<ConnectionRecord> all(ConnectionSource s) throws IOException {
        List<ConnectionRecord> out = new java.util.ArrayList<>();
        ConnectionRecord r = new ConnectionRecord();
        while (s.next(r)) {
            out.add(r.copy());
        }
        return out;
    }

    @Test
    void sameSeedGivesTheSameRecordsAndAnotherSeedDoesNot() throws IOException {
        String spec = "count=2000 arrivals=mmpp(rates=50/500,dwell=10s/2s) durations=pareto(min=100ms,alpha=1.5) "
                + "clients=zipf(172.16.0.0/16,n=500,s=1.2) service=tcp(10.0.0.1:80,weight=2) service=udp(10.0.0.2:53)";
        List<ConnectionRecord> a = all(WorkloadSpec.parse("seed=1 " + spec).open());
        List<ConnectionRecord> b = all(WorkloadSpec.parse("seed=1 " + spec).open());
        List<ConnectionRecord> c = all(WorkloadSpec.parse("seed=2 " + spec).open());
        assertThat(a).hasSize(2000).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void unknownKeysAndArgumentsAreErrors() {
        assertThatThrownBy(() -> WorkloadSpec.parse("count=5 arrival=poisson(rate=1)"))
                .hasMessageStartingWith("unknown key \"arrival\"");
        assertThatThrownBy(() -> WorkloadSpec.parse("count=5 arrivals=poisson(rate=1,burst=3)"))
                .hasMessage("arrivals=poisson: unexpected argument \"burst=3\"");
        assertThatThrownBy(() -> WorkloadSpec.parse("arrivals=poisson(rate=1)"))
                .hasMessageStartingWith("give length=DURATION and/or count=N");
        assertThatThrownBy(() -> WorkloadSpec.parse("count=1 durations=exp(mean=fast)"))
                .hasMessageContaining("mean is not a duration");
    }
}
