package org.lvslab.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lvslab.engine.EventLoop;
import org.lvslab.engine.QueueKind;

/** The structure-of-arrays connection table: footprint, slot reuse, creation order, newest-first lookups. */
class ConnectionTableTest {
    static final IpAddress C = IpAddress.parse("192.168.1.10");
    static final IpAddress V = IpAddress.parse("10.0.0.1");

    private static int add(ConnectionTable t, int cport) {
        int id = t.allocate(0, false, 6, C.hi(), C.lo(), cport, V.hi(), V.lo(), 80, 80, null, 0);
        t.index(id);
        return id;
    }

    @Test
    void thePerSlotArrayFootprintIsTheSumOfTheElementSizesOfEveryPerSlotArray() {
        int bytes = 0;
        int arrays = 0;
        for (Field f : ConnectionTable.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || !f.getType().isArray() || f.getName().endsWith("Index")) {
                continue;
            }
            Class<?> c = f.getType().getComponentType();
            int perSlot = f.getName().equals("addr") ? ConnectionTable.ADDR_STRIDE : 1; // client and virtual address, two words each
            bytes += perSlot * (c == long.class ? 8 : c == int.class ? 4 : c == char.class ? 2 : c == byte.class ? 1 : 4);
            arrays++;
        }
        assertThat(arrays).isEqualTo(15);
        assertThat(bytes).isEqualTo(ConnectionTable.perSlotArrayBytes()).isEqualTo(ConnectionTable.BYTES_PER_SLOT).isEqualTo(92);
    }

    @Test
    void eachIndexHoldsTwoLongEntriesPerSlotAndOnlyTheClientSideOneCountsInTheTotal() throws Exception {
        ConnectionTable t = new ConnectionTable();
        for (String name : new String[] {"inIndex", "outIndex"}) {
            assertThat(ConnectionTable.class.getDeclaredField(name).getType()).isEqualTo(long[].class);
        }
        Field in = ConnectionTable.class.getDeclaredField("inIndex");
        in.setAccessible(true);
        assertThat(((long[]) in.get(t)).length).isEqualTo(2 * t.capacity());
        assertThat(ConnectionTable.INDEX_BYTES_PER_SLOT).isEqualTo(2 * 8).isEqualTo(ConnectionTable.OUT_INDEX_BYTES_PER_SLOT);
        assertThat(ConnectionTable.TOTAL_BYTES_PER_SLOT).isEqualTo(92 + 2 * 8);
    }

    @Test
    void theTimerFootprintIsThatOfTheDefaultEventLoopQueue() {
        QueueKind kind = new EventLoop().queueKind();
        assertThat(ConnectionTable.EVENT_LOOP_BYTES_PER_TIMER).isEqualTo(EventLoop.bytesPerSlot(kind));
    }

    @Test
    void theNatReplyIndexIsMadeWithTheFirstNatEntryAndThenKeepsEveryNatEntryFindable() throws Exception {
        ConnectionTable t = new ConnectionTable();
        Field out = ConnectionTable.class.getDeclaredField("outIndex");
        out.setAccessible(true);
        RealServer rs = new RealServer(null, IpAddress.parse("10.1.0.1"), 8080, false);
        for (int i = 0; i < 100; i++) {
            t.index(t.allocate(ForwardingMethod.DROUTE.code(), false, 6, C.hi(), C.lo(), 1 + i, V.hi(), V.lo(), 80, 8080, rs, 0));
        }
        assertThat(out.get(t)).as("no NAT entry yet").isNull();
        assertThat(t.findOut(6, false, C.hi(), C.lo(), 1, rs.address().hi(), rs.address().lo(), 8080)).isEqualTo(-1);
        int[] nat = new int[3000];
        for (int i = 0; i < nat.length; i++) {
            nat[i] = t.allocate(ForwardingMethod.MASQ.code(), false, 6, C.hi(), C.lo(), 1000 + i, V.hi(), V.lo(), 80, 8080, rs, 0);
            t.index(nat[i]);
        }
        assertThat(((long[]) out.get(t)).length).as("grown with the table").isEqualTo(2 * t.capacity());
        for (int i = 0; i < nat.length; i++) {
            assertThat(t.findOut(6, false, C.hi(), C.lo(), 1000 + i, rs.address().hi(), rs.address().lo(), 8080)).isEqualTo(nat[i]);
        }
        assertThat(t.findOut(6, false, C.hi(), C.lo(), 1, rs.address().hi(), rs.address().lo(), 8080)).as("DR entry").isEqualTo(-1);
    }

    @Test
    void keysWhoseHashesAgreeInAll32BitsAreStillToldApart() {
        // find two client tuples with the same 32-bit index hash (birthday search over 2^18 keys)
        IpAddress[] clients = {C, IpAddress.parse("192.168.1.11"), IpAddress.parse("192.168.1.12"), IpAddress.parse("192.168.1.13")};
        java.util.Map<Integer, Integer> seen = new java.util.HashMap<>();
        int a = -1;
        int b = -1;
        for (int k = 0; k < clients.length * 65535 && a < 0; k++) {
            IpAddress c = clients[k / 65535];
            int h = ConnectionTable.hashIn(false, 6, false, c.hi(), c.lo(), 1 + k % 65535, V.hi(), V.lo(), 80);
            Integer other = seen.putIfAbsent(h, k);
            if (other != null) {
                a = other;
                b = k;
            }
        }
        assertThat(a).as("a 32-bit collision among 2^18 keys").isNotNegative();
        ConnectionTable t = new ConnectionTable();
        IpAddress ca = clients[a / 65535];
        IpAddress cb = clients[b / 65535];
        int ida = t.allocate(0, false, 6, ca.hi(), ca.lo(), 1 + a % 65535, V.hi(), V.lo(), 80, 80, null, 0);
        t.index(ida);
        assertThat(t.findIn(false, 6, false, cb.hi(), cb.lo(), 1 + b % 65535, V.hi(), V.lo(), 80)).isEqualTo(-1);
        int idb = t.allocate(0, false, 6, cb.hi(), cb.lo(), 1 + b % 65535, V.hi(), V.lo(), 80, 80, null, 0);
        t.index(idb);
        assertThat(t.findIn(false, 6, false, ca.hi(), ca.lo(), 1 + a % 65535, V.hi(), V.lo(), 80)).isEqualTo(ida);
        assertThat(t.findIn(false, 6, false, cb.hi(), cb.lo(), 1 + b % 65535, V.hi(), V.lo(), 80)).isEqualTo(idb);
        t.free(ida);
        assertThat(t.findIn(false, 6, false, ca.hi(), ca.lo(), 1 + a % 65535, V.hi(), V.lo(), 80)).isEqualTo(-1);
        assertThat(t.findIn(false, 6, false, cb.hi(), cb.lo(), 1 + b % 65535, V.hi(), V.lo(), 80)).isEqualTo(idb);
    }

    @Test
    void freedSlotsAreReusedButLiveIdsStayInCreationOrder() {
        ConnectionTable t = new ConnectionTable();
        int a = add(t, 1);
        int b = add(t, 2);
        int c = add(t, 3);
        t.free(a);
        int d = add(t, 4);
        assertThat(d).as("slot of a reused").isEqualTo(a);
        assertThat(t.liveIds()).containsExactly(b, c, d);
        assertThat(t.isLive(a)).isTrue();
        assertThat(t.clientPort(d)).isEqualTo(4);
        t.free(c);
        assertThat(t.isLive(c)).isFalse();
        assertThatThrownBy(() -> t.clientPort(c)).isInstanceOf(IllegalArgumentException.class);
        assertThat(t.size()).isEqualTo(2);
    }

    @Test
    void lookupsReturnTheNewestOfEqualKeysAndTheOlderOneAfterItIsGone() {
        ConnectionTable t = new ConnectionTable();
        int old1 = add(t, 7);
        int old2 = add(t, 7);
        int newest = add(t, 7);
        assertThat(t.findId(Protocol.TCP, C, 7, V, 80)).isEqualTo(newest);
        t.free(newest);
        assertThat(t.findId(Protocol.TCP, C, 7, V, 80)).isEqualTo(old2);
        t.free(old1);
        assertThat(t.findId(Protocol.TCP, C, 7, V, 80)).isEqualTo(old2);
        t.free(old2);
        assertThat(t.findId(Protocol.TCP, C, 7, V, 80)).isEqualTo(-1);
    }

    @Test
    void growingBeyondTheInitialCapacityKeepsEveryEntryFindable() {
        ConnectionTable t = new ConnectionTable();
        int[] ids = new int[5000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = add(t, 1 + i);
        }
        for (int i = 0; i < ids.length; i += 2) {
            t.free(ids[i]);
        }
        for (int i = 0; i < ids.length; i++) {
            int expect = i % 2 == 0 ? -1 : ids[i];
            assertThat(t.findId(Protocol.TCP, C, 1 + i, V, 80)).isEqualTo(expect);
        }
        assertThat(t.capacity()).isEqualTo(8192);
        int[] live = t.liveIds();
        assertThat(live).hasSize(2500);
        assertThat(Arrays.stream(live).map(t::clientPort).toArray()).isSorted();
    }

    @Test
    void templatesAndConnectionsWithTheSameAddressesDoNotShadowEachOther() {
        ConnectionTable t = new ConnectionTable();
        int tpl = t.allocate(ConnFlags.TEMPLATE, false, 6, C.hi(), C.lo(), 0, V.hi(), V.lo(), 80, 80, null, 0);
        t.index(tpl);
        assertThat(t.findIn(false, 6, false, C.hi(), C.lo(), 0, V.hi(), V.lo(), 80)).isEqualTo(-1);
        assertThat(t.findIn(true, 6, false, C.hi(), C.lo(), 0, V.hi(), V.lo(), 80)).isEqualTo(tpl);
        assertThat(t.stateName(tpl)).isEqualTo("NONE");
        assertThat(t.flags(tpl) & ConnFlags.HASHED).isNotZero();
    }
}
