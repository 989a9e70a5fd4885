package org.lvslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvsadm.names.Resolver;

class ShellCommandTest {
    private String out;
    private String err;

    private void session(String input) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
                PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            new ShellCommand.Shell(KernelProfile.newest(), Resolver.NONE)
                    .loop(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), po, pe, false);
        }
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
    }

    @Test
    void ipvsadmCommandsWithOrWithoutTheWordIpvsadmShareOneTable() throws Exception {
        session("ipvsadm -A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.1.0.1 -m\n-Sn\n");
        assertThat(out).isEqualTo("-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 1\n");
        assertThat(err).isEmpty();
    }

    @Test
    void scenarioLinesDriveConnectionsThroughTheTable() throws Exception {
        session("-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.1.0.1 -m\n-a -t 10.0.0.1:80 -r 10.1.0.2 -m\n"
                + "connect 172.16.1.1:10000 10.0.0.1:80\nconnect 172.16.1.2:10000 10.0.0.1:80\n");
        assertThat(out).isEqualTo("172.16.1.1:10000 -> 10.1.0.2:80\n172.16.1.2:10000 -> 10.1.0.1:80\n");
    }

    @Test
    void listingOnShowsTheTableAfterEachChangeOnly() throws Exception {
        session("listing on\n-A -t 10.0.0.1:80\n-A -t 10.0.0.1:80\n-Sn\nlisting off\n-D -t 10.0.0.1:80\n");
        assertThat(out).isEqualTo("IP Virtual Server version 1.2.1 (size=4096)\n"
                + "Prot LocalAddress:Port Scheduler Flags\n"
                + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n"
                + "TCP  10.0.0.1:80 wlc\n"
                + "-A -t 10.0.0.1:80 -s wlc\n");
        assertThat(err).isEqualTo("Service already exists\n");
    }

    @Test
    void historyListsAndRerunsLines() throws Exception {
        session("-A -t 10.0.0.1:80\n-D -t 10.0.0.1:80\n!1\nhistory\n!9\n-Sn\n");
        assertThat(out).isEqualTo("-A -t 10.0.0.1:80\n"
                + "    1  -A -t 10.0.0.1:80\n    2  -D -t 10.0.0.1:80\n    3  -A -t 10.0.0.1:80\n"
                + "-A -t 10.0.0.1:80 -s wlc\n");
        assertThat(err).isEqualTo("history: no line 9\n");
    }

    @Test
    void badLinesAreReportedAndTheShellGoesOnUntilExit() throws Exception {
        session("frobnicate\nhelp\nexit\n-A -t 10.0.0.1:80\n");
        assertThat(err).isEqualTo("unknown command 'frobnicate'\n");
        assertThat(out).isEqualTo(ShellCommand.HELP);
    }
}
