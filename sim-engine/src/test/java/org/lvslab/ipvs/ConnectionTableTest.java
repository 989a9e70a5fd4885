package org.lvslab.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

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
            bytes += c == long.class ? 8 : c == int.class ? 4 : c == char.class ? 2 : c == byte.class ? 1 : 4;
            arrays++;
        }
        assertThat(arrays).isEqualTo(19);
        assertThat(bytes).isEqualTo(ConnectionTable.perSlotArrayBytes()).isEqualTo(ConnectionTable.BYTES_PER_SLOT).isEqualTo(88);
        // two int indexes sized 2 x capacity
        assertThat(ConnectionTable.TOTAL_BYTES_PER_SLOT).isEqualTo(88 + 2 * 2 * 4);
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
