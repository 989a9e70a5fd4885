package org.lvslab.ipvsadm.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvsadm.Ipvsadm;
import org.lvslab.ipvsadm.IpvsadmEnv;
import org.lvslab.ipvsadm.names.Resolver;

class StateFileTest {
    @TempDir
    Path dir;

    private record Out(int status, String stdout, String stderr) {
    }

    private Out lvslab(Map<String, String> env, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int s;
        try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
                PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            s = PersistentIpvsadm.run(List.of(args), env, dir.toString(), Resolver.NONE,
                    new ByteArrayInputStream(new byte[0]), po, pe);
        }
        return new Out(s, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    private Map<String, String> envFor(Path state) {
        return Map.of("LVSLAB_STATE", state.toString());
    }

    private static void ipvsadm(IpvsTable t, String cmd) {
        int s = Ipvsadm.run(IpvsadmEnv.of(t), List.of(cmd.split(" ")), new ByteArrayInputStream(new byte[0]),
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(OutputStream.nullOutputStream()));
        assertThat(s).as(cmd).isZero();
    }

    private static String listing(IpvsTable t, String cmd) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        Ipvsadm.run(IpvsadmEnv.of(t), List.of(cmd.split(" ")), new ByteArrayInputStream(new byte[0]),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(OutputStream.nullOutputStream()));
        return o.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDefaultFileFollowsLvslabStateThenXdgStateHomeThenTheHomeDirectory() {
        assertThat(StateFile.defaultPath(Map.of("LVSLAB_STATE", "/x/s"), "/home/u")).isEqualTo(Path.of("/x/s"));
        assertThat(StateFile.defaultPath(Map.of("XDG_STATE_HOME", "/xdg"), "/home/u"))
                .isEqualTo(Path.of("/xdg/lvslab/ipvsadm.state"));
        assertThat(StateFile.defaultPath(Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.local/state/lvslab/ipvsadm.state"));
    }

    @Test
    void aRestoredTableHasTheSameConfigurationListOrderAndLastWeights() throws StateException {
        IpvsTable t = StateCodec.newTable(KernelVersion.NEWEST);
        ipvsadm(t, "-A -t 10.0.0.1:80 -s wrr -p 600 -M 255.255.0.0 --pe sip");
        ipvsadm(t, "-a -t 10.0.0.1:80 -r 10.1.0.3:80 -m -w 5 -x 100 -y 10");
        ipvsadm(t, "-a -t 10.0.0.1:80 -r 10.1.0.1:8080 -m -w 4");
        ipvsadm(t, "-a -t 10.0.0.1:80 -r 10.1.0.2 -i --tun-type gue --tun-port 6080 --tun-remcsum");
        ipvsadm(t, "-e -t 10.0.0.1:80 -r 10.1.0.1:8080 -m -w 0");
        ipvsadm(t, "-A -u [2001:db8::1]:53 -s mh -b mh-port -o");
        ipvsadm(t, "-a -u [2001:db8::1]:53 -r [2001:db8::a]:5353 -m");
        ipvsadm(t, "-A -f 7 -6 -s none -p -M 64");
        ipvsadm(t, "--set 1000 20 30");
        ipvsadm(t, "--start-daemon backup --syncid 9 --mcast-port 9999");
        t.sysctls().set("expire_nodest_conn", 1);
        String text = StateCodec.encode(t);

        IpvsTable r = StateCodec.decode(text, "test.state", null);
        assertThat(StateCodec.encode(r)).isEqualTo(text);
        for (String cmd : List.of("-Sn", "-Ln --nosort", "-Ln --thresholds", "-Ln --tun-info", "-L --timeout", "-L --daemon")) {
            assertThat(listing(r, cmd)).as(cmd).isEqualTo(listing(t, cmd));
        }
        RealServer drained = r.services().get(0).dest(1);
        assertThat(drained.port()).isEqualTo(8080);
        assertThat(drained.weight()).isZero();
        assertThat(drained.lastWeight()).isEqualTo(4);
        assertThat(r.sysctls().get("expire_nodest_conn")).isEqualTo(1);
    }

    @Test
    void theTablePersistsBetweenInvocationsAndListingsDoNotRewriteTheFile() throws IOException {
        Path state = dir.resolve("s/ipvsadm.state");
        assertThat(lvslab(envFor(state), "-A", "-t", "10.0.0.1:80", "-s", "rr").status()).isZero();
        assertThat(lvslab(envFor(state), "-a", "-t", "10.0.0.1:80", "-r", "10.1.0.1", "-m").status()).isZero();
        long written = Files.getLastModifiedTime(state).toMillis();
        String before = Files.readString(state);
        Out o = lvslab(envFor(state), "-Sn");
        assertThat(o.stdout()).isEqualTo("-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 1\n");
        assertThat(Files.readString(state)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(state).toMillis()).isEqualTo(written);
        try (Stream<Path> files = Files.list(state.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ipvsadm.state", "ipvsadm.state.lock");
        }
    }

    @Test
    void syncDaemonsAndTimeoutsPersistToo() {
        Path state = dir.resolve("ipvsadm.state");
        assertThat(lvslab(envFor(state), "--start-daemon", "master", "--syncid", "3").status()).isZero();
        assertThat(lvslab(envFor(state), "--set", "0", "60", "0").status()).isZero();
        assertThat(lvslab(envFor(state), "-L", "--daemon").stdout())
                .isEqualTo("master sync daemon (mcast=eth0, syncid=3, maxlen=1472, group=224.0.0.81, port=8848, ttl=1)\n");
        assertThat(lvslab(envFor(state), "-L", "--timeout").stdout()).isEqualTo("Timeout (tcp tcpfin udp): 900 60 300\n");
        assertThat(lvslab(envFor(state), "--stop-daemon", "master").status()).isZero();
        assertThat(lvslab(envFor(state), "-L", "--daemon").stdout()).isEmpty();
    }

    @Test
    void aFailedCommandLeavesTheTableAsItWas() throws IOException {
        Path state = dir.resolve("ipvsadm.state");
        lvslab(envFor(state), "-A", "-t", "10.0.0.1:80");
        String before = Files.readString(state);
        Out o = lvslab(envFor(state), "-A", "-t", "10.0.0.1:80");
        assertThat(o.stderr()).isEqualTo("Service already exists\n");
        assertThat(o.status()).isEqualTo(255);
        assertThat(Files.readString(state)).isEqualTo(before);
    }

    @Test
    void theKernelIsRecordedAndAnotherOneRebuildsTheConfiguration() throws IOException {
        Path state = dir.resolve("ipvsadm.state");
        Map<String, String> old = Map.of("LVSLAB_STATE", state.toString(), "LVSLAB_KERNEL", "6.1.170");
        lvslab(old, "-A", "-t", "10.0.0.1:80");
        assertThat(Files.readString(state)).contains("kernel 6.1.170\n");
        lvslab(envFor(state), "-A", "-t", "10.0.0.2:80");
        assertThat(Files.readString(state)).contains("kernel 6.1.170\n");
        Map<String, String> newer = Map.of("LVSLAB_STATE", state.toString(), "LVSLAB_KERNEL", "6.12.117");
        lvslab(newer, "-A", "-t", "10.0.0.3:80");
        assertThat(Files.readString(state)).contains("kernel 6.12.117\n");
        assertThat(lvslab(envFor(state), "-Sn").stdout())
                .isEqualTo("-A -t 10.0.0.1:80 -s wlc\n-A -t 10.0.0.2:80 -s wlc\n-A -t 10.0.0.3:80 -s wlc\n");
        Out bad = lvslab(Map.of("LVSLAB_STATE", state.toString(), "LVSLAB_KERNEL", "six"), "-Ln");
        assertThat(bad.status()).isEqualTo(PersistentIpvsadm.STATE_ERROR);
        assertThat(bad.stderr()).startsWith("lvslab ipvsadm: LVSLAB_KERNEL: not a kernel version");
    }

    @Test
    void aCorruptFileIsReportedWithItsNameAndLineAndLeftUntouched() throws IOException {
        Path state = dir.resolve("ipvsadm.state");
        lvslab(envFor(state), "-A", "-t", "10.0.0.1:80");
        String broken = Files.readString(state).replace("service tcp 10.0.0.1 80", "service tcp 10.0.0.999 80");
        Files.writeString(state, broken);
        Out o = lvslab(envFor(state), "-A", "-t", "10.0.0.2:80");
        assertThat(o.status()).isEqualTo(PersistentIpvsadm.STATE_ERROR);
        int line = List.of(broken.split("\n")).indexOf(broken.lines().filter(l -> l.startsWith("service")).findFirst().orElseThrow()) + 1;
        assertThat(o.stderr()).startsWith("lvslab ipvsadm: " + state + ":" + line + ": bad value in 'service tcp 10.0.0.999 80");
        assertThat(Files.readString(state)).isEqualTo(broken);
    }

    @Test
    void anEmptyFileSuchAsMktempMakesIsAnEmptyTableAndTheFirstChangeFillsIt() throws IOException {
        Path state = dir.resolve("made-by-mktemp");
        Files.writeString(state, "");
        Out list = lvslab(envFor(state), "-Ln");
        assertThat(list.status()).isZero();
        assertThat(list.stderr()).isEmpty();
        assertThat(list.stdout()).startsWith("IP Virtual Server version 1.2.1 (size=4096)\n");
        assertThat(lvslab(envFor(state), "-A", "-t", "10.0.0.1:80", "-s", "rr").status()).isZero();
        assertThat(Files.readString(state)).startsWith("lvslab-ipvsadm-state 1\n");
        assertThat(lvslab(envFor(state), "-Sn").stdout()).isEqualTo("-A -t 10.0.0.1:80 -s rr\n");
    }

    @Test
    void aTruncatedFileOrAForeignFileIsAnError() throws IOException {
        Path state = dir.resolve("ipvsadm.state");
        lvslab(envFor(state), "-A", "-t", "10.0.0.1:80");
        String full = Files.readString(state);
        Files.writeString(state, full.substring(0, full.indexOf("end\n")));
        assertThat(lvslab(envFor(state), "-Ln").stderr()).isEqualTo("lvslab ipvsadm: " + state + ": truncated (no 'end' line)\n");
        Files.writeString(state, "hello\n");
        assertThat(lvslab(envFor(state), "-Ln").stderr())
                .isEqualTo("lvslab ipvsadm: " + state + ":1: not an lvslab ipvsadm state file (expected 'lvslab-ipvsadm-state 1')\n");
    }

    @Test
    void aFileFromANewerLvslabIsRefusedNotOverwritten() throws IOException {
        Path state = dir.resolve("ipvsadm.state");
        Files.writeString(state, "lvslab-ipvsadm-state 2\nsomething new\n");
        Out o = lvslab(envFor(state), "-C");
        assertThat(o.status()).isEqualTo(PersistentIpvsadm.STATE_ERROR);
        assertThat(o.stderr()).isEqualTo("lvslab ipvsadm: " + state
                + ": written by a newer lvslab (state format 2; this lvslab reads format 1); upgrade lvslab or remove the file\n");
        assertThat(Files.readString(state)).isEqualTo("lvslab-ipvsadm-state 2\nsomething new\n");
    }

    @Test
    void anUnrestorableConfigurationIsAnError() {
        String text = "lvslab-ipvsadm-state 1\nkernel 6.12.117\nservice tcp 10.0.0.1 80 nosuch 0 0 4294967295 -\nend\n";
        assertThatThrownBy(() -> StateCodec.decode(text, "f.state", null)).isInstanceOf(StateException.class)
                .hasMessage("f.state:3: cannot restore service into the kernel 6.12.117 table (errno 2)");
    }

    private Process child(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StateFileChild.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    @Test
    void anInvocationWaitsForTheOneHoldingTheLockAndSeesItsChange() throws Exception {
        Path state = dir.resolve("ipvsadm.state");
        Process holder = child("hold", state.toString(), "-A", "-t", "10.0.0.1:80");
        BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream()));
        assertThat(r.readLine()).isEqualTo("locked");
        CompletableFuture<Out> waiting = CompletableFuture.supplyAsync(() -> lvslab(envFor(state), "-A", "-t", "10.0.0.2:80"));
        Thread.sleep(300);
        assertThat(waiting).as("must wait for the lock holder").isNotDone();
        holder.getOutputStream().write('\n');
        holder.getOutputStream().flush();
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(holder.exitValue()).isZero();
        assertThat(waiting.get(30, TimeUnit.SECONDS).status()).isZero();
        assertThat(lvslab(envFor(state), "-Sn").stdout()).isEqualTo("-A -t 10.0.0.1:80 -s wlc\n-A -t 10.0.0.2:80 -s wlc\n");
    }

    @Test
    void concurrentInvocationsLoseNoUpdate() throws Exception {
        Path state = dir.resolve("ipvsadm.state");
        List<Process> ps = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            ps.add(child("run", state.toString(), "-A", "-t", "10.0.0." + i + ":80"));
        }
        for (Process p : ps) {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        assertThat(lvslab(envFor(state), "-Sn").stdout()).isEqualTo("-A -t 10.0.0.1:80 -s wlc\n-A -t 10.0.0.2:80 -s wlc\n"
                + "-A -t 10.0.0.3:80 -s wlc\n-A -t 10.0.0.4:80 -s wlc\n");
    }
}
