package org.lvslab.jmh.table;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.lvslab.engine.EventLoop;
import org.lvslab.engine.QueueKind;
import org.lvslab.ipvs.ConnectionTable;

/**
 * Heap bytes per live connection: fills a table with N established TCP connections through the
 * packet path and divides the heap growth (after full GCs, MemoryMXBean) by N. Includes the
 * connection table, its indexes and the connection's expiry timer in the event loop; the client
 * address objects are made before the baseline and excluded. Arrays double when full, so N is
 * also shown next to the table's capacity.
 *
 * <p>Run: {@code java -Xmx4g -XX:+UseSerialGC -cp jmh/target/benchmarks.jar org.lvslab.jmh.table.ConnectionMemory [N ...]}
 */
public final class ConnectionMemory {
    private ConnectionMemory() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {100_000, 1_000_000, 1 << 20} : parse(args);
        System.out.printf("array bytes per slot: connection table %d (incl. indexes), event loop %d (%s)%n",
                ConnectionTable.TOTAL_BYTES_PER_SLOT, EventLoop.bytesPerSlot(QueueKind.WHEEL), QueueKind.WHEEL);
        for (int n : sizes) {
            measure(n);
        }
    }

    private static void measure(int n) {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        TableRig rig = new TableRig(n);
        long before = usedAfterGc(mx);
        for (int t = 0; t < n; t++) {
            rig.open(t);
        }
        long after = usedAfterGc(mx);
        int live = rig.table.connections().size();
        if (live != n) {
            throw new IllegalStateException("expected " + n + " live connections, table has " + live);
        }
        System.out.printf("N=%,d live connections (table capacity %,d): heap +%,d bytes = %.1f bytes per live connection%n",
                n, rig.table.connections().capacity(), after - before, (after - before) / (double) n);
        if (rig.loop.pending() < n) {
            throw new IllegalStateException("expected a timer per connection");
        }
    }

    private static long usedAfterGc(MemoryMXBean mx) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return mx.getHeapMemoryUsage().getUsed();
    }

    private static int[] parse(String[] args) {
        int[] n = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            n[i] = Integer.parseInt(args[i].replace("_", ""));
        }
        return n;
    }
}
