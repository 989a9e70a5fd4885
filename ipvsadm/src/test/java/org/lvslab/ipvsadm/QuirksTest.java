package org.lvslab.ipvsadm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvsadm.kernel.StatsEntry;
import org.lvslab.ipvsadm.names.FilesResolver;

/**
 * The documented ipvsadm 1.31 quirks that the golden file does not show (ipvsadm-and-netlink.md
 * §4), each as the exact output the rules of §1–3 produce.
 */
class QuirksTest {
    private static final String HEAD = "IP Virtual Server version 1.2.1 (size=4096)\n"
            + "Prot LocalAddress:Port Scheduler Flags\n"
            + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n";

    private final Harness h = new Harness();

    private void expect(String cmd, String stdout, String stderr, int exit) {
        Harness.Result r = h.run(cmd);
        assertThat(r.stdout()).as("stdout of %s", cmd).isEqualTo(stdout);
        assertThat(r.stderr()).as("stderr of %s", cmd).isEqualTo(stderr);
        assertThat(r.exit()).as("exit of %s", cmd).isEqualTo(exit);
    }

    @Test
    void persistentWithoutValueMeans360Seconds() {
        h.ok("ipvsadm -A -t 10.0.0.1:80 -p");
        h.ok("ipvsadm -A -f 7 -p -s rr");
        expect("ipvsadm -Ln", HEAD + "TCP  10.0.0.1:80 wlc persistent 360\nFWM  7 rr persistent 360\n", "", 0);
        expect("ipvsadm -Sn", "-A -t 10.0.0.1:80 -s wlc -p 360\n-A -f 7 -s rr -p 360\n", "", 0);
    }

    @Test
    void persistentTakesTheNextWordOnlyWhenItIsNotAnOption() {
        h.ok("ipvsadm -A -t 10.0.0.1:80 -p 600 -M 255.255.255.0");
        h.ok("ipvsadm -A -t 10.0.0.1:81 --persistent=30");
        h.ok("ipvsadm -A -t 10.0.0.1:82 -p40");
        expect("ipvsadm -A -t 10.0.0.1:83 -p foo", "", "invalid timeout value `foo' specified\n", 2);
        expect("ipvsadm -Sn", "-A -t 10.0.0.1:80 -s wlc -p 600 -M 255.255.255.0\n-A -t 10.0.0.1:81 -s wlc -p 30\n"
                + "-A -t 10.0.0.1:82 -s wlc -p 40\n", "", 0);
        expect("ipvsadm -Ln -t 10.0.0.1:80", "Prot LocalAddress:Port Scheduler Flags\n"
                + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n"
                + "TCP  10.0.0.1:80 wlc persistent 600 mask 255.255.255.0\n", "", 0);
    }

    @Test
    void ipv6PersistenceShowsThePrefixLength() {
        h.ok("ipvsadm -A -t [2001:db8::1]:443 -s sh -b sh-fallback,sh-port -p 100 -M 64");
        expect("ipvsadm -Ln", HEAD + "TCP  [2001:db8::1]:443 sh (sh-fallback,sh-port) persistent 100 mask 64\n", "", 0);
        expect("ipvsadm -Sn", "-A -t [2001:db8::1]:443 -s sh -p 100 -M 64 -b sh-fallback,sh-port\n", "", 0);
    }

    @Test
    void schedulerFlagsTheSchedulerCannotNameLeaveEmptyParenthesesAndATrailingBlank() {
        h.ok("ipvsadm -A -t 10.0.0.1:80 -s sh -b flag-3");
        h.ok("ipvsadm -A -t 10.0.0.1:81 -b flag-1,,flag-2, -s rr");
        expect("ipvsadm -Ln", HEAD + "TCP  10.0.0.1:80 sh ()\nTCP  10.0.0.1:81 rr (flag-1,flag-2)\n", "", 0);
        expect("ipvsadm -Sn", "-A -t 10.0.0.1:80 -s sh -b \n-A -t 10.0.0.1:81 -s rr -b flag-1,flag-2\n", "", 0);
    }

    @Test
    void editServerDefaultsToDirectRoutingSoANatPortIsRewrittenToTheVirtualPort() {
        h.ok("ipvsadm -A -t 10.0.0.1:80");
        h.ok("ipvsadm -a -t 10.0.0.1:80 -r 10.0.0.2:8080 -m");
        expect("ipvsadm -e -t 10.0.0.1:80 -r 10.0.0.2:8080 -w 7", "", "No such destination\n", 255);
        h.ok("ipvsadm -e -t 10.0.0.1:80 -r 10.0.0.2:8080 -m -w 7");
        expect("ipvsadm -Sn", "-A -t 10.0.0.1:80 -s wlc\n-a -t 10.0.0.1:80 -r 10.0.0.2:8080 -m -w 7\n", "", 0);
    }

    @Test
    void editServiceResetsEveryAttributeNotGiven() {
        h.ok("ipvsadm -A -t 10.0.0.1:80 -s rr -p 60 --pe sip");
        h.ok("ipvsadm -E -t 10.0.0.1:80");
        expect("ipvsadm -Sn", "-A -t 10.0.0.1:80 -s wlc\n", "", 0);
    }

    @Test
    void restoreExitsWithTheStatusOfTheLastLineItRan() {
        Harness.Result r = h.run("ipvsadm -R", "-A -t 10.0.0.1:80\n-A -t 10.0.0.1:80\n\n");
        assertThat(r.stderr()).isEqualTo("Service already exists\n");
        assertThat(r.exit()).isEqualTo(255);
        r = h.run("ipvsadm -R", "-A -t 10.0.0.1:80\n-A -t 10.0.0.2:80");
        assertThat(r.stderr()).isEqualTo("Service already exists\n");
        assertThat(r.exit()).isZero();
        expect("ipvsadm -Sn", "-A -t 10.0.0.1:80 -s wlc\n-A -t 10.0.0.2:80 -s wlc\n", "", 0);
    }

    @Test
    void restoreGoesOnAfterOptionParserErrorsButStopsAtValidationErrors() {
        Harness.Result r = h.run("ipvsadm -R", "-L --foo\n-A -t 10.0.0.1:80\n-A -t 10.0.0.2\n-A -t 10.0.0.3:80\n");
        assertThat(r.stderr()).isEqualTo("--foo: unknown option\nZero port specified for non-persistent service\n");
        assertThat(r.exit()).isEqualTo(2);
        expect("ipvsadm -Sn", "-A -t 10.0.0.1:80 -s wlc\n", "", 0);
    }

    @Test
    void restorePrintsListingsAndRefusesANestedRestoreAndOptions() {
        Harness.Result r = h.run("ipvsadm -R", "ipvsadm -A -t 10.0.0.1:80 ipvsadm\n  ipvsadm  \n-Sn\n-R\n-A -t 10.0.0.2:80\n");
        assertThat(r.stdout()).isEqualTo("-A -t 10.0.0.1:80 -s wlc\n");
        assertThat(r.stderr()).isEqualTo("Try `ipvsadm -h' or 'ipvsadm --help' for more information.\n");
        assertThat(r.exit()).isEqualTo(255);
        expect("ipvsadm -R -n", "", "Illegal 'numeric' option with the 'restore' command\n", 2);
    }

    @Test
    void restoreDropsALastLineFollowedOnlyByBlanks() {
        Harness.Result r = h.run("ipvsadm -R", "-A -t 10.0.0.1:80\n-A -t 10.0.0.2:80 \t");
        assertThat(r.exit()).isZero();
        expect("ipvsadm -Sn", "-A -t 10.0.0.1:80 -s wlc\n", "", 0);
    }

    @Test
    void realServerCountersAreReadWith32BitAccessorsExceptBytes() {
        InjectingKernel k = new InjectingKernel(h.simulatedKernel());
        h.withKernel(k);
        h.ok("ipvsadm -A -t 10.0.0.1:80 -s rr");
        h.ok("ipvsadm -a -t 10.0.0.1:80 -r 192.168.1.1:80 -m");
        long big = 5_000_000_000L;
        k.serviceStats = new StatsEntry(big, big, big, big, big, big, big, big, big, big);
        k.destStats = k.serviceStats;
        String title = "IP Virtual Server version 1.2.1 (size=4096)\n";
        expect("ipvsadm -Ln --stats", title
                + "Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes\n"
                + "  -> RemoteAddress:Port\n"
                + "TCP  10.0.0.1:80                     5000M    5000M    5000M    5000M    5000M\n"
                + "  -> 192.168.1.1:80                705032K  705032K  705032K    5000M    5000M\n", "", 0);
        expect("ipvsadm -Ln --rate --exact", title
                + "Prot LocalAddress:Port                 CPS    InPPS   OutPPS    InBPS   OutBPS\n"
                + "  -> RemoteAddress:Port\n"
                + "TCP  10.0.0.1:80                  5000000000 5000000000 5000000000 5000000000 5000000000\n"
                + "  -> 192.168.1.1:80               705032704 705032704 705032704 705032704 705032704\n", "", 0);
        expect("ipvsadm -Ln --rate", title
                + "Prot LocalAddress:Port                 CPS    InPPS   OutPPS    InBPS   OutBPS\n"
                + "  -> RemoteAddress:Port\n"
                + "TCP  10.0.0.1:80                     5000M    5000M    5000M    5000M    5000M\n"
                + "  -> 192.168.1.1:80               705032704 705032704 705032704  705032K  705032K\n", "", 0);
    }

    @Test
    void longNamesAreCutAt33And28ColumnsInListingsButNotInSaves() {
        h.env = h.env.withResolver(FilesResolver.of(
                "10.0.0.1 a-really-really-long-virtual-server-name.example.com\n"
                        + "10.0.0.2 an-equally-long-real-server-name.example.com\n",
                "http 80/tcp\n"));
        h.ok("ipvsadm -A -t 10.0.0.1:80");
        h.ok("ipvsadm -a -t 10.0.0.1:80 -r 10.0.0.2 -m");
        expect("ipvsadm -L", HEAD + "TCP  a-really-really-long-virtual wlc\n"
                + "  -> an-equally-long-real-server- Masq    1      0          0         \n", "", 0);
        expect("ipvsadm -S", "-A -t a-really-really-long-virtual-server-name.example.com:http -s wlc\n"
                + "-a -t a-really-really-long-virtual-server-name.example.com:http -r an-equally-long-real-server-name.example.com:http -m -w 1\n",
                "", 0);
        expect("ipvsadm -L --stats", "IP Virtual Server version 1.2.1 (size=4096)\n"
                + "Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes\n"
                + "  -> RemoteAddress:Port\n"
                + "TCP  a-really-really-long-virtual        0        0        0        0        0\n"
                + "  -> an-equally-long-real-server-        0        0        0        0        0\n", "", 0);
    }

    @Test
    void aRealServerBeforeTheServiceGetsPortZeroAndNoServiceNames() {
        h.ok("ipvsadm -A -t 10.0.0.1:80");
        h.ok("ipvsadm -a -r 10.0.0.2 -t 10.0.0.1:80 -m");
        expect("ipvsadm -a -r 10.0.0.3:http -t 10.0.0.1:80 -m", "", "illegal real server address[:port] specified\n", 2);
        h.ok("ipvsadm -a -t 10.0.0.1:80 -r 10.0.0.3:http -m");
        expect("ipvsadm -Ln", HEAD + "TCP  10.0.0.1:80 wlc\n"
                + "  -> 10.0.0.2:0                   Masq    1      0          0         \n"
                + "  -> 10.0.0.3:80                  Masq    1      0          0         \n", "", 0);
    }

    @Test
    void bracketsAroundAnIpv4AddressLoseThePortAndBareIpv6HasNone() {
        expect("ipvsadm -A -t [10.0.0.1]:80", "", "Zero port specified for non-persistent service\n", 2);
        expect("ipvsadm -A -t 2001:db8::99:80", "", "Zero port specified for non-persistent service\n", 2);
        expect("ipvsadm -A -t [2001:db8::1]", "", "illegal virtual server address[:port] specified\n", 2);
        h.ok("ipvsadm -A -t 2001:db8::99:80 -p");
        expect("ipvsadm -Sn", "-A -t [2001:db8::99:80]:0 -s wlc -p 360\n", "", 0);
    }

    @Test
    void lenientIpv4FormsAndServiceNamesAreAccepted() {
        h.ok("ipvsadm -A -t 10.1:http");
        h.ok("ipvsadm -A -u 0x7f.1:domain");
        h.ok("ipvsadm -A -t 012.0.0.1:+443");
        h.ok("ipvsadm -A -t localhost:8080");
        expect("ipvsadm -Sn", "-A -t 10.0.0.1:80 -s wlc\n-A -t 10.0.0.1:443 -s wlc\n-A -t 127.0.0.1:8080 -s wlc\n"
                + "-A -u 127.0.0.1:53 -s wlc\n", "", 0);
    }

    @Test
    void sortingWrapsAroundForRealServersToo() {
        h.ok("ipvsadm -A -t 10.0.0.1:80");
        h.ok("ipvsadm -a -t 10.0.0.1:80 -r 10.0.0.2 -m");
        h.ok("ipvsadm -a -t 10.0.0.1:80 -r 192.168.0.2 -m");
        h.ok("ipvsadm -a -t 10.0.0.1:80 -r 10.0.0.2:81 -m");
        expect("ipvsadm -Ln", HEAD + "TCP  10.0.0.1:80 wlc\n"
                + "  -> 192.168.0.2:80               Masq    1      0          0         \n"
                + "  -> 10.0.0.2:80                  Masq    1      0          0         \n"
                + "  -> 10.0.0.2:81                  Masq    1      0          0         \n", "", 0);
    }

    @Test
    void optionClustersAndEqualsSigns() {
        expect("ipvsadm -L=n", "", "Try `ipvsadm -h' or 'ipvsadm --help' for more information.\n", 255);
        expect("ipvsadm -L -cn=", "", "-cn=: option does not take an argument\n", 255);
        expect("ipvsadm -Lq", "", "-Lq: unknown option\n", 255);
        expect("ipvsadm -Ln -q", "", "-q: unknown option\n", 255);
        expect("ipvsadm -list", "", "Illegal 'scheduler' option with the 'list' command\n", 2);
        expect("ipvsadm -L --numer", "", "--numer: unknown option\n", 255);
        expect("ipvsadm -L --numeric=1", "", "--numeric=1: option does not take an argument\n", 255);
        expect("ipvsadm -L -- -n", "", "unexpected argument -n\n", 2);
        expect("ipvsadm -L --start-daemon master", "", "invalid option `master'\n", 2);
        expect("ipvsadm -Ln -n", "", "multiple 'numeric' options specified\n", 2);
        expect("ipvsadm -L --sort --sort -n --exact", HEAD, "", 0);
        expect("ipvsadm foo", "", "Try `ipvsadm -h' or 'ipvsadm --help' for more information.\n", 255);
        expect("ipvsadm -At=10.0.0.1:80 -s=rr", "", "", 0);
        expect("ipvsadm -Sn", "-A -t 10.0.0.1:80 -s rr\n", "", 0);
    }

    @Test
    void numbersFollowStrtolRules() {
        h.ok("ipvsadm -A -t 10.0.0.1:80");
        expect("ipvsadm -a -t 10.0.0.1:80 -r 10.0.0.2 -w -1", "", "illegal weight specified\n", 2);
        expect("ipvsadm -a -t 10.0.0.1:80 -r 10.0.0.2 -w 1x", "", "illegal weight specified\n", 2);
        expect("ipvsadm -a -t 10.0.0.1:80 -r 10.0.0.2 -w 99999999999999999999", "", "illegal weight specified\n", 2);
        h.ok("ipvsadm -a -t 10.0.0.1:80 -r 10.0.0.2 -w +5 -x 10 -y 0");
        expect("ipvsadm -A -f 4294967296", "", "invalid fwmark value `4294967296' specified\n", 2);
        expect("ipvsadm -A -f -1", "", "invalid fwmark value `-1' specified\n", 2);
        expect("ipvsadm --set 1 2 x", "", "invalid timeout value `x' specified\n", 2);
        expect("ipvsadm --set 1 2 3 4", "", "unexpected argument 4\n", 2);
    }

    @Test
    void tunnelDestinationsAndAddressFamilies() {
        h.ok("ipvsadm -A -f 1 -6");
        expect("ipvsadm -a -f 1 -6 -r 10.0.0.2 -m", "", "Different address family is allowed only for tunneling servers\n", 2);
        h.ok("ipvsadm -a -f 1 -6 -r 10.0.0.2:99 -i --tun-type gre --tun-nocsum");
        h.ok("ipvsadm -a -f 1 -6 -r [2001:db8::5]:8080 -g");
        expect("ipvsadm -Ln --tun-info", "IP Virtual Server version 1.2.1 (size=4096)\n"
                + "Prot LocalAddress:Port Scheduler Flags\n"
                + "  -> RemoteAddress:Port           Forward TunnelInfo    Weight ActiveConn InActConn\n"
                + "FWM  1 IPv6 wlc\n"
                + "  -> 10.0.0.2:99                  Tunnel  gre:-c        1      0          0         \n"
                + "  -> [2001:db8::5]:8080           Route   n/a           1      0          0         \n", "", 0);
        expect("ipvsadm -Sn", "-A -f 1 -6 -s wlc\n"
                + "-a -f 1 -6 -r 10.0.0.2:99 -i -w 1 --tun-type gre --tun-nocsum\n"
                + "-a -f 1 -6 -r [2001:db8::5]:8080 -g -w 1\n", "", 0);
        expect("ipvsadm --start-daemon master", "", "Invalid operation.  Possibly wrong module version, address not unicast, ...\n", 255);
    }

    @Test
    void syncDaemonErrors() {
        expect("ipvsadm --start-daemon master --mcast-interface eth9", "", "No such device\n", 255);
        expect("ipvsadm --start-daemon", "", "Try `ipvsadm -h' or 'ipvsadm --help' for more information.\n", 255);
        expect("ipvsadm --stop-daemon foo", "", "illegal start_daemon specified\n", 2);
        expect("ipvsadm --stop-daemon backup --mcast-interface eth0", "", "Illegal 'mcast-interface' option with the 'stop-daemon' command\n", 2);
        h.ok("ipvsadm --start-daemon backup --mcast-group ff02::81");
        expect("ipvsadm -L --daemon", "backup sync daemon (mcast=eth0, syncid=0, maxlen=1452, group=ff02::81, port=8848, ttl=1)\n", "", 0);
        expect("ipvsadm --start-daemon master --mcast-group 2001:db8::1", "", "invalid IPv6 mcast-group `2001:db8::1'\n", 2);
    }

    @Test
    void helpAndVersionEndEverythingWithStatusZero() {
        expect("ipvsadm -v", "ipvsadm v1.31 2019/12/24 (compiled with popt and IPVS v1.2.1)\n", "", 0);
        expect("ipvsadm --version -Z", "ipvsadm v1.31 2019/12/24 (compiled with popt and IPVS v1.2.1)\n", "", 0);
        h.env = h.env.withProgramName("/sbin/ipvsadm");
        expect("ipvsadm -X", "", "Try `/sbin/ipvsadm -h' or '/sbin/ipvsadm --help' for more information.\n", 255);
    }

    @Test
    void zeroWithAnAllZeroServiceZeroesEverything() {
        expect("ipvsadm -Z -t 0.0.0.0:0", "", "", 0);
        expect("ipvsadm -Z -t 10.0.0.1:80", "", "No such service\n", 255);
    }

    @Test
    void debianReleasePrintsLargeFwmarksSignedAndAcceptsLargeWeights() {
        h.env = h.env.withDebianRelease(true);
        h.ok("ipvsadm -A -f 4294967295");
        h.ok("ipvsadm -a -f 4294967295 -r 10.0.0.2 -w 70000");
        expect("ipvsadm -Sn", "-A -f -1 -s wlc\n-a -f -1 -r 10.0.0.2:0 -g -w 70000\n", "", 0);
    }
}
