package org.lvslab.workloads.synth;

import org.lvslab.engine.RandomStream;
import org.lvslab.ipvs.IpAddress;

/**
 * Client source ports as a Linux kernel allocates them for {@code connect()} (TCP; model of
 * {@code __inet_hash_connect} in {@code net/ipv4/inet_hashtables.c}, Linux 5.17 and later):
 *
 * <ul>
 *   <li>the range is {@code net.ipv4.ip_local_port_range}, default 32768–60999;</li>
 *   <li>a 64-bit keyed hash of (client address, destination address, destination port) — the
 *       kernel's {@code secure_ipv4_port_ephemeral}, here a seeded SplitMix mix — picks one of
 *       65536 perturbation counters and adds its high 32 bits to that counter's value; the sum
 *       modulo the (even-rounded) range size, made even, is the first port tried;</li>
 *   <li>{@code connect()} tries ports of the low end's parity first (even for 32768), since
 *       {@code bind()} prefers the other parity;</li>
 *   <li>after a successful pick the counter advances by 2 plus a random 0–7 steps of 2, so
 *       successive connections from one client to one service climb through even ports with
 *       small random gaps.</li>
 * </ul>
 *
 * Simplification: the model assumes the first port tried is free (no 4-tuple still in use or in
 * TIME_WAIT), which holds unless one client opens thousands of connections to one service within
 * a TIME_WAIT period. UDP sockets get a uniformly random port in the range
 * ({@code udp_lib_get_port} starts at a random point).
 */
public final class EphemeralPorts {
    private static final int PERTURB = 1 << 16;

    private final int low;
    private final int high;      // exclusive
    private final int remaining; // even number of ports scanned
    private final int[] perturb = new int[PERTURB];
    private final long secret;
    private final RandomStream rnd;

    public EphemeralPorts(int low, int high, RandomStream rnd) {
        if (low < 1 || high > 65535 || low > high) {
            throw new IllegalArgumentException("ports: need 1 <= low <= high <= 65535, got " + low + "-" + high);
        }
        this.low = low;
        this.high = high + 1;
        int r = this.high - low;
        this.remaining = r > 1 ? r & ~1 : r;
        this.rnd = rnd;
        this.secret = rnd.nextLong();
        for (int i = 0; i < PERTURB; i++) {
            perturb[i] = rnd.nextInt(); // the kernel fills table_perturb with random bytes once
        }
    }

    public static EphemeralPorts linuxDefault(RandomStream rnd) {
        return new EphemeralPorts(32768, 60999, rnd);
    }

    /** The source port of a new TCP connection from {@code client} to {@code dst:dport}. */
    public int tcp(IpAddress client, IpAddress dst, int dport) {
        long h = mix(secret ^ mix(client.hi() ^ Long.rotateLeft(client.lo(), 17))
                ^ mix(dst.hi() * 31 + dst.lo()) ^ (dport * 0x100000001b3L));
        int index = (int) (h & (PERTURB - 1));
        int offset = perturb[index] + (int) (h >>> 32);
        offset = Integer.remainderUnsigned(offset, remaining);
        offset &= ~1;
        int port = low + offset;
        if (port >= high) {
            port -= remaining;
        }
        int i = 2 * rnd.nextInt(8); // "max(i, random * step)" with i = 0 when the first port is free
        perturb[index] += i + 2;
        return port;
    }

    /** The source port of a UDP socket: uniform over the range. */
    public int udp() {
        return low + rnd.nextInt(high - low);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public int low() {
        return low;
    }

    /** Inclusive upper end of the range. */
    public int high() {
        return high - 1;
    }
}
