package org.lvslab.ipvsadm.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.IpAddress;

class FilesResolverTest {
    private final FilesResolver r = FilesResolver.of(
            "# comment\n127.0.0.1 localhost loopy\n127.0.0.1 second\n10.0.0.9\tWeb.Example web # trailing\n::1 ip6-localhost\n",
            "http 80/tcp www # WWW\nhttp 80/udp\nhttp-alt 8080/tcp webcache\nhttp-other 8080/tcp\n");

    @Test
    void reverseLookupsAnswerTheFirstNameOfTheFirstMatchingLine() {
        assertThat(r.hostName(IpAddress.parse("127.0.0.1"))).isEqualTo("localhost");
        assertThat(r.hostName(IpAddress.parse("10.0.0.9"))).isEqualTo("Web.Example");
        assertThat(r.hostName(IpAddress.parse("::1"))).isEqualTo("ip6-localhost");
        assertThat(r.hostName(IpAddress.parse("10.0.0.8"))).isNull();
    }

    @Test
    void forwardLookupsMatchAnyNameCaselesslyAndOnlyIpv4() {
        assertThat(r.hostAddressV4("loopy")).isEqualTo(IpAddress.parse("127.0.0.1"));
        assertThat(r.hostAddressV4("web.example")).isEqualTo(IpAddress.parse("10.0.0.9"));
        assertThat(r.hostAddressV4("ip6-localhost")).isNull();
        assertThat(r.hostAddressV4("1.2.3.4.5")).isNull();
    }

    @Test
    void servicesAnswerPerProtocolWithAliases() {
        assertThat(r.serviceName(8080, "tcp")).isEqualTo("http-alt");
        assertThat(r.serviceName(8080, "udp")).isNull();
        assertThat(r.servicePort("www", "tcp")).isEqualTo(80);
        assertThat(r.servicePort("webcache", "udp")).isEqualTo(-1);
        assertThat(r.servicePort("HTTP", "tcp")).isEqualTo(-1);
    }
}
