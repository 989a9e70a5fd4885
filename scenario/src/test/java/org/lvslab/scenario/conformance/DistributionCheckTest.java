package org.lvslab.scenario.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DistributionCheckTest {
    private static String run(int a, int b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < a + b; i++) {
            s.append("172.16.1.").append(i % 250 + 1).append(":1 -> ").append(i < a ? "10.1.0.11:80" : "10.1.0.12:80").append('\n');
        }
        s.append("TCP  10.0.0.1:80 twos\n");
        s.append(String.format("  -> 10.1.0.11:80                 Masq    1      %-10d 0         %n", a));
        s.append(String.format("  -> 10.1.0.12:80                 Masq    2      %-10d 0         %n", b));
        return s.toString();
    }

    @Test
    void closeDistributionsAgreeEvenWhenNoLineMatches() {
        Comparison c = DistributionCheck.compare(run(100, 200), run(108, 192));
        assertThat(c.identical()).isTrue();
        assertThat(c.statistical()).isTrue();
    }

    @Test
    void aSkewedDistributionIsOutOfTolerance() {
        Comparison c = DistributionCheck.compare(run(100, 200), run(150, 150));
        assertThat(c.identical()).isFalse();
        assertThat(c.detail()).contains("out of tolerance for 10.1.0.11:80");
    }

    @Test
    void listingTotalsMustMatch() {
        Comparison c = DistributionCheck.compare(run(100, 200), run(100, 201));
        assertThat(c.identical()).isFalse();
    }

    @Test
    void differentShapeIsReported() {
        Comparison c = DistributionCheck.compare(run(10, 20) + "No such service\n", run(10, 20));
        assertThat(c.identical()).isFalse();
        assertThat(c.detail()).contains("shape");
    }
}
