package org.lvslab.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lvslab.ipvs.Fixture.CLIENT;
import static org.lvslab.ipvs.Fixture.UDP53;
import static org.lvslab.ipvs.ForwardingMethod.DROUTE;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Upper/lower thresholds and the OVERLOAD flag (ipvs-model §2.5, cases 44–48) in the pre-2026
 * kernels (6.1.170: checks after every bind/unbind, edits only clear) and with
 * "ipvs: properly update the overload flag on dest edit" (6.12.117: exact crossings, edits re-evaluate).
 * UDP entries are used as connections: each lives 300 s after its datagram.
 */
class ThresholdTest {
    static final String CLASSIC = "6.1.170";
    static final String NEW = "6.12.117";

    private static RealServer setup(Fixture f, long u, long l) {
        f.service(UDP53, "first");
        RealServer a = f.dest(UDP53, "10.1.0.1", 53, DROUTE, 1);
        Fixture.check(f.table.editDest(UDP53, DestConfig.of(a.address(), 53, DROUTE, 1).withThresholds(u, l)));
        return a;
    }

    private static int nextPort = 10_000;

    /** {@code n} new UDP connections, each from a fresh client port, at the current time. */
    private static void connect(Fixture f, int n) {
        for (int i = 0; i < n; i++) {
            f.udp(CLIENT, nextPort++, UDP53);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {CLASSIC, NEW})
    void upperFourSetsOverloadAtTheFourthConnectionAndClearsItBelowThreeQuarters(String kernel) {
        Fixture f = new Fixture(kernel);
        RealServer a = setup(f, 4, 0);
        for (int t = 0; t < 4; t++) {
            f.at(t);
            assertThat(a.isOverloaded()).isFalse();
            connect(f, 1);
        }
        assertThat(a.totalConns()).isEqualTo(4);
        assertThat(a.isOverloaded()).isTrue();
        f.at(300);   // first connection expires: total 3, still >= l_eff 3
        assertThat(a.totalConns()).isEqualTo(3);
        assertThat(a.isOverloaded()).isTrue();
        f.at(301);   // total 2
        assertThat(a.isOverloaded()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {CLASSIC, NEW})
    void upperOneOverloadsAtTheFirstConnectionUntilItExpires(String kernel) {
        Fixture f = new Fixture(kernel);
        RealServer a = setup(f, 1, 0);
        connect(f, 1);
        assertThat(a.isOverloaded()).isTrue();
        assertThat(f.udp(CLIENT, 30_000, UDP53)).as("only dest overloaded: no dest").isEqualTo(Verdict.REJECTED);
        f.at(300);
        assertThat(a.isOverloaded()).isFalse();
    }

    @Test
    void loweringUpperBelowTheCurrentTotalOverloadsAtTheEditWithOverloadOnEdit() {
        Fixture f = new Fixture(NEW);
        RealServer a = setup(f, 10, 0);
        connect(f, 6);
        assertThat(a.isOverloaded()).isFalse();
        f.table.editDest(UDP53, DestConfig.of(a.address(), 53, DROUTE, 1).withThresholds(4, 0));
        assertThat(a.isOverloaded()).isTrue();
    }

    @Test
    void loweringUpperBelowTheCurrentTotalWaitsForTheNextBindInClassicKernels() {
        Fixture f = new Fixture(CLASSIC);
        RealServer a = setup(f, 10, 0);
        connect(f, 6);
        f.at(1);
        connect(f, 1);   // total 7 at t=1
        f.table.editDest(UDP53, DestConfig.of(a.address(), 53, DROUTE, 1).withThresholds(4, 0));
        assertThat(a.isOverloaded()).as("edit only ever clears").isFalse();
        f.at(300);   // six expire: unbinds never set the flag
        assertThat(a.totalConns()).isEqualTo(1);
        assertThat(a.isOverloaded()).isFalse();
        connect(f, 3);   // total 4 = u: set by the bind check
        assertThat(a.isOverloaded()).isTrue();
    }

    @Test
    void classicBindAboveTheLoweredUpperSetsTheFlagImmediately() {
        Fixture f = new Fixture(CLASSIC);
        RealServer a = setup(f, 10, 0);
        connect(f, 6);
        f.table.editDest(UDP53, DestConfig.of(a.address(), 53, DROUTE, 1).withThresholds(4, 0));
        f.table.editDest(UDP53, DestConfig.of(a.address(), 53, DROUTE, 2).withThresholds(4, 0));
        assertThat(a.isOverloaded()).as("edits never set it").isFalse();
        connect(f, 1);
        assertThat(a.isOverloaded()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {CLASSIC, NEW})
    void raisingUpperWhileOverloadedKeepsTheFlagOnlyWithOverloadOnEdit(String kernel) {
        Fixture f = new Fixture(kernel);
        RealServer a = setup(f, 0, 0);
        boolean isNew = kernel.equals(NEW);
        connect(f, isNew ? 5 : 4);
        f.table.editDest(UDP53, DestConfig.of(a.address(), 53, DROUTE, 1).withThresholds(4, 0));
        if (!isNew) {
            assertThat(a.isOverloaded()).isFalse();
            connect(f, 1);   // CLASSIC sets it on the next bind
        }
        assertThat(a.totalConns()).isEqualTo(5);
        assertThat(a.isOverloaded()).isTrue();
        f.table.editDest(UDP53, DestConfig.of(a.address(), 53, DROUTE, 1).withThresholds(6, 0));
        // NEW: l_eff = 6 - 1 = 5 and total >= 5 keeps the flag; CLASSIC: a higher u clears it
        assertThat(a.isOverloaded()).isEqualTo(isNew);
    }

    @ParameterizedTest
    @ValueSource(strings = {CLASSIC, NEW})
    void templatesNeverCountTowardsThresholds(String kernel) {
        Fixture f = new Fixture(kernel);
        f.persistent(UDP53, "first", 300, 0xFFFFFFFF);
        RealServer a = f.dest(UDP53, "10.1.0.1", 53, DROUTE, 1);
        f.table.editDest(UDP53, DestConfig.of(a.address(), 53, DROUTE, 1).withThresholds(2, 0));
        f.udp(CLIENT, 5000, UDP53);
        assertThat(a.totalConns()).isEqualTo(1);
        assertThat(a.persistConns()).isEqualTo(1);
        assertThat(a.isOverloaded()).isFalse();
    }

    @Test
    void explicitLowerThresholdIsTheClearingPoint() {
        Fixture f = new Fixture(NEW);
        RealServer a = setup(f, 3, 1);
        for (int t = 0; t < 3; t++) {
            f.at(t);
            connect(f, 1);
        }
        assertThat(a.isOverloaded()).isTrue();
        f.at(300);
        f.at(301);
        assertThat(a.totalConns()).isEqualTo(1);
        assertThat(a.isOverloaded()).as("1 >= l").isTrue();
        f.at(302);
        assertThat(a.isOverloaded()).isFalse();
    }

    @Test
    void thresholdEditWithUnchangedValuesDoesNotReevaluateWithOverloadOnEdit() {
        Fixture f = new Fixture(NEW);
        RealServer a = setup(f, 10, 0);
        connect(f, 6);
        a.overloaded = true;   // as if set at a crossing earlier
        f.table.editDest(UDP53, DestConfig.of(a.address(), 53, DROUTE, 3).withThresholds(10, 0));
        assertThat(a.isOverloaded()).isTrue();
        Fixture c = new Fixture(CLASSIC);
        RealServer b = setup(c, 10, 0);
        b.overloaded = true;
        c.table.editDest(UDP53, DestConfig.of(b.address(), 53, DROUTE, 3).withThresholds(10, 0));
        assertThat(b.isOverloaded()).as("CLASSIC: same u is not an increase, flag kept").isTrue();
        c.table.editDest(UDP53, DestConfig.of(b.address(), 53, DROUTE, 3).withThresholds(0, 0));
        assertThat(b.isOverloaded()).isFalse();
    }
}
