package org.lvslab.ipvsadm.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.IpAddress;

class InetTextTest {
    private static String aton(String s) {
        IpAddress a = InetText.inetAton(s);
        return a == null ? null : a.toString();
    }

    @Test
    void inetAtonAcceptsTheCLibrarysShortHexAndOctalForms() {
        assertThat(aton("10.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(aton("10.1")).isEqualTo("10.0.0.1");
        assertThat(aton("10.1.2")).isEqualTo("10.1.0.2");
        assertThat(aton("167772161")).isEqualTo("10.0.0.1");
        assertThat(aton("0x7f.1")).isEqualTo("127.0.0.1");
        assertThat(aton("012.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(aton("1.2.3.4 trailing")).isEqualTo("1.2.3.4");
    }

    @Test
    void inetAtonRejectsWhatTheCLibraryRejects() {
        assertThat(aton("1.2.3.4.5")).isNull();
        assertThat(aton("256.0.0.1")).isNull();
        assertThat(aton("10.0.65536")).isNull();
        assertThat(aton("09.0.0.1")).isNull();
        assertThat(aton("1.2.3.")).isNull();
        assertThat(aton("")).isNull();
        assertThat(aton("host")).isNull();
        assertThat(aton("4294967296")).isNull();
    }

    @Test
    void inetPton4IsStrict() {
        assertThat(InetText.inetPton4("224.0.0.81")).isEqualTo(IpAddress.parse("224.0.0.81"));
        assertThat(InetText.inetPton4("255.255.255.255")).isEqualTo(IpAddress.parse("255.255.255.255"));
        assertThat(InetText.inetPton4("10.1")).isNull();
        assertThat(InetText.inetPton4("01.2.3.4")).isNull();
        assertThat(InetText.inetPton4("1.2.3.4 ")).isNull();
    }

    @Test
    void inetPton6ReadsEveryRfc4291Form() {
        assertThat(InetText.inetPton6("2001:db8::1")).hasToString("2001:db8::1");
        assertThat(InetText.inetPton6("::")).hasToString("::");
        assertThat(InetText.inetPton6("::1")).hasToString("::1");
        assertThat(InetText.inetPton6("1::")).hasToString("1::");
        assertThat(InetText.inetPton6("2001:0db8:0000:0000:0000:0000:0000:0080")).hasToString("2001:db8::80");
        assertThat(InetText.inetPton6("::ffff:10.0.0.1")).hasToString("::ffff:10.0.0.1");
        assertThat(InetText.inetPton6("1:2:3:4:5:6:7:8")).hasToString("1:2:3:4:5:6:7:8");
    }

    @Test
    void inetPton6RejectsMalformedText() {
        assertThat(InetText.inetPton6("1:2:3:4:5:6:7:8:9")).isNull();
        assertThat(InetText.inetPton6("1::2::3")).isNull();
        assertThat(InetText.inetPton6(":1::2")).isNull();
        assertThat(InetText.inetPton6("1:")).isNull();
        assertThat(InetText.inetPton6("12345::1")).isNull();
        assertThat(InetText.inetPton6("10.0.0.1")).isNull();
        assertThat(InetText.inetPton6("[::1]")).isNull();
        assertThat(InetText.inetPton6("1:2:3:4:5:6:7::8")).isNull();
    }
}
