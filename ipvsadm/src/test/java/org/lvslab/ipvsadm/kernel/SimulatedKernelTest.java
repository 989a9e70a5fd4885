package org.lvslab.ipvsadm.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvslab.engine.EventLoop;
import org.lvslab.ipvs.AddressFamily;
import org.lvslab.ipvs.Errno;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.ipvs.sched.SchedulerRegistry;

/** The service dump order of ip_vs_ctl.c: hash buckets in order, newest first inside a bucket. */
class SimulatedKernelTest {
    private final IpvsTable table = new IpvsTable(new EventLoop(), KernelProfile.of("6.12.117"), SchedulerRegistry.load());

    private void add(ServiceKey k) {
        assertThat(table.addService(new ServiceConfig(k, "wlc", 0, 0, k.family() == AddressFamily.INET6 ? 128 : 0xffffffff, ""))).isEqualTo(Errno.OK);
    }

    private static ServiceKey tcp(String v4, int port) {
        String[] p = v4.split("\\.");
        int a = 0;
        for (String s : p) {
            a = a << 8 | Integer.parseInt(s);
        }
        return ServiceKey.of(Protocol.TCP, IpAddress.ofV4(a), port);
    }

    private static List<Object> dumped(SimulatedKernel k) {
        return k.services().stream().map(e -> (Object) (e.fwmark() != 0 ? "f" + e.fwmark() : e.address() + ":" + e.port()))
                .toList();
    }

    @Test
    void fwmarkServicesComeInBucketOrderOfMarkXorNetnsKey() {
        for (int m : new int[] {1, 2, 3, 4}) {
            add(ServiceKey.ofFwmark(AddressFamily.INET, m));
        }
        // key 2: buckets 1^2=3, 2^2=0, 3^2=1, 4^2=6
        assertThat(dumped(new SimulatedKernel(table, 2))).containsExactly("f2", "f3", "f1", "f4");
        assertThat(dumped(new SimulatedKernel(table, 0))).containsExactly("f1", "f2", "f3", "f4");
    }

    @Test
    void servicesSharingABucketAreDumpedNewestFirst() {
        // fwmark 1 and 257 share bucket 1 ^ key; the IPv6 mark 1 too (the family is not hashed)
        add(ServiceKey.ofFwmark(AddressFamily.INET, 1));
        add(ServiceKey.ofFwmark(AddressFamily.INET, 257));
        add(ServiceKey.ofFwmark(AddressFamily.INET6, 1));
        SimulatedKernel k = new SimulatedKernel(table, 0);
        assertThat(k.services()).extracting(e -> e.key()).containsExactly(ServiceKey.ofFwmark(AddressFamily.INET6, 1),
                ServiceKey.ofFwmark(AddressFamily.INET, 257), ServiceKey.ofFwmark(AddressFamily.INET, 1));
    }

    @Test
    void addressServicesHashProtocolFoldedAddressAndBothPortBytes() {
        ServiceKey a = tcp("10.0.0.1", 80);
        ServiceKey b = tcp("10.0.0.1", 336); // 336 = 0x150: (336 >> 8) ^ 336 = 0x51 vs 80 = 0x50
        SimulatedKernel k = new SimulatedKernel(table, 0);
        assertThat(k.bucket(a)).isEqualTo((6 ^ 0x0a000001 ^ 80) & 0xff);
        assertThat(k.bucket(b)).isEqualTo((6 ^ 0x0a000001 ^ 1 ^ 336) & 0xff);
        ServiceKey v6 = ServiceKey.of(Protocol.TCP, IpAddress.ofV6(0xfd00000000000000L, 1), 80);
        assertThat(k.bucket(v6)).as("IPv6 folds its four words").isEqualTo(k.bucket(a));
    }

    @Test
    void addressServicesAreDumpedBeforeFwmarkServices() {
        add(ServiceKey.ofFwmark(AddressFamily.INET, 5));
        add(tcp("10.0.0.1", 80));
        assertThat(dumped(new SimulatedKernel(table, 0))).containsExactly(IpAddress.ofV4(0x0a000001) + ":80", "f5");
    }
}
