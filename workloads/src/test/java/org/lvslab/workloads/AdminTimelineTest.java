package org.lvslab.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.AddressFamily;
import org.lvslab.ipvs.ForwardingMethod;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.ServiceKey;

class AdminTimelineTest {
    static final String TEXT = """
            # drain one server, fail another, swap the scheduler
            30s     add        tcp 10.0.0.1:80    10.1.0.14:80   weight=2 method=route upper=100
            45s     weight     tcp 10.0.0.1:80    10.1.0.14      5
            1m      drain      tcp 10.0.0.1:80    10.1.0.12:80
            90s     fail       tcp 10.0.0.1:80    10.1.0.11:80
            120s    remove     tcp 10.0.0.1:80    10.1.0.12:80
            150s    thresholds tcp 10.0.0.1:80    10.1.0.13:80   upper=200 lower=150
            180s    scheduler  tcp 10.0.0.1:80    mh
            200s    drain      fwm6 7             [fd00:b::1]
            """;

    @Test
    void everyActionParsesToItsEvent() throws Exception {
        List<AdminEvent> es = AdminTimeline.parse("admin.txt", TEXT);
        ServiceKey web = ServiceKey.of(Protocol.TCP, IpAddress.parse("10.0.0.1"), 80);
        assertThat(es).hasSize(8);
        assertThat(es.get(0)).isInstanceOfSatisfying(AdminEvent.AddServer.class, a -> {
            assertThat(a.timeNs()).isEqualTo(30_000_000_000L);
            assertThat(a.service()).isEqualTo(web);
            assertThat(a.dest().weight()).isEqualTo(2);
            assertThat(a.dest().forwarding()).isEqualTo(ForwardingMethod.DROUTE);
            assertThat(a.dest().upperThreshold()).isEqualTo(100);
        });
        assertThat(es.get(1)).isEqualTo(new AdminEvent.SetWeight(45_000_000_000L, web, IpAddress.parse("10.1.0.14"), 80, 5));
        assertThat(es.get(2)).isEqualTo(new AdminEvent.Drain(60_000_000_000L, web, IpAddress.parse("10.1.0.12"), 80));
        assertThat(es.get(3)).isInstanceOf(AdminEvent.Fail.class);
        assertThat(es.get(4)).isInstanceOf(AdminEvent.RemoveServer.class);
        assertThat(es.get(5)).isEqualTo(new AdminEvent.SetThresholds(150_000_000_000L, web, IpAddress.parse("10.1.0.13"), 80, 200, 150));
        assertThat(es.get(6)).isEqualTo(new AdminEvent.SetScheduler(180_000_000_000L, web, "mh"));
        assertThat(es.get(7).service()).isEqualTo(ServiceKey.ofFwmark(AddressFamily.INET6, 7));
    }

    @Test
    void formattedEventsParseBackEqual() throws Exception {
        List<AdminEvent> es = AdminTimeline.parse("admin.txt", TEXT);
        StringBuilder sb = new StringBuilder();
        es.forEach(e -> sb.append(AdminTimeline.format(e)).append('\n'));
        assertThat(AdminTimeline.parse("again.txt", sb.toString())).isEqualTo(es);
    }

    @Test
    void errorsNameTheLineAndTheProblem() {
        assertThatThrownBy(() -> AdminTimeline.parse("a.txt", "30s drain tcp 10.0.0.1:80 10.1.0.1:80\n10s fail tcp 10.0.0.1:80 10.1.0.1:80\n"))
                .hasMessage("a.txt:2: time 10s is before the previous event's 30s (events must be in time order)");
        assertThatThrownBy(() -> AdminTimeline.parse("a.txt", "30s explode tcp 10.0.0.1:80 10.1.0.1:80\n"))
                .hasMessageStartingWith("a.txt:1: unknown action \"explode\"");
        assertThatThrownBy(() -> AdminTimeline.parse("a.txt", "soon drain tcp 10.0.0.1:80 10.1.0.1:80\n"))
                .hasMessageStartingWith("a.txt:1: bad time \"soon\"");
        assertThatThrownBy(() -> AdminTimeline.parse("a.txt", "1s drain tcp 10.0.0.1:80 [fd00::1]:80\n"))
                .hasMessage("a.txt:1: real server [fd00::1]:80 is not of the service's address family");
        assertThatThrownBy(() -> AdminTimeline.parse("a.txt", "1s add tcp 10.0.0.1:80 10.1.0.1 weight=70000\n"))
                .hasMessage("a.txt:1: weight must be 0..65535: 70000");
    }
}
