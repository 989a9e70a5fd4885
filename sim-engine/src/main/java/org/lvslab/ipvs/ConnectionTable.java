package org.lvslab.ipvs;

import java.util.Arrays;
import org.lvslab.engine.EventLoop;
import org.lvslab.engine.QueueKind;

/**
 * The connection table as data: one slot per live connection or persistence template in
 * parallel primitive arrays, with a free list and open-addressing indexes on the lookup keys. No
 * object per connection; an id is a slot number and is reused after the entry is freed.
 *
 * <p><b>Lookups</b> ({@code ip_vs_conn.c}). The primary index is keyed on (template bit, protocol,
 * family, client address and port, virtual address and port): it serves both the
 * {@code ip_vs_conn_in_get} lookup (client packets) and {@code ip_vs_ct_in_get} (templates, whose
 * client port is always 0). A second index keyed on (protocol, family, client address and port,
 * real-server address and port) holds the NAT connections, so that a real server's reply finds its
 * entry as {@code ip_vs_conn_out_get} does. Like the kernel's hash chains (new entries at the chain
 * head) an index returns the <em>newest</em> of several entries with the same key, which happens
 * when a SYN re-uses a client port whose old entry is still waiting for its timer.
 *
 * <p><b>Memory.</b> Per slot the arrays hold {@value #BYTES_PER_SLOT} bytes (assuming compressed
 * object references, i.e. a heap below 32 GiB); the client-side index adds
 * {@value #INDEX_BYTES_PER_SLOT} bytes per slot (long entries of hash and id, at most half full), so
 * one slot costs {@value #TOTAL_BYTES_PER_SLOT} bytes. The NAT reply index, another
 * {@value #OUT_INDEX_BYTES_PER_SLOT} bytes per slot, exists only once a NAT entry has been indexed.
 * The expiry timer of a live entry also occupies one {@link org.lvslab.engine.EventLoop} slot
 * ({@link #EVENT_LOOP_BYTES_PER_TIMER} bytes). Capacity doubles when full and never shrinks, so in
 * steady state nothing is allocated.
 *
 * <p>Read API for listings ({@code ipvsadm -Lc}) and reports; the {@link IpvsTable} owns all writes.
 */
public final class ConnectionTable {
    /** Bytes of the per-slot arrays: see {@link #perSlotArrayBytes()}. */
    public static final int BYTES_PER_SLOT = 92;
    /** The client-side index: two long entries (hash and id) per slot. */
    public static final int INDEX_BYTES_PER_SLOT = 16;
    /** The NAT reply index, like the client-side one; allocated with the first NAT entry. */
    public static final int OUT_INDEX_BYTES_PER_SLOT = 16;
    /** Arrays and client-side index: the cost of a slot in a table without NAT entries. */
    public static final int TOTAL_BYTES_PER_SLOT = BYTES_PER_SLOT + INDEX_BYTES_PER_SLOT;
    /** Per pending event in a default {@code EventLoop} (the timer wheel): see {@link EventLoop#bytesPerSlot}. */
    public static final int EVENT_LOOP_BYTES_PER_TIMER = EventLoop.bytesPerSlot(QueueKind.WHEEL);

    /** Internal flag bits above the kernel's: entry is live; entry's family is IPv6. */
    static final int F_LIVE = 1 << 30;
    static final int F_V6 = 1 << 29;
    static final int F_INDEXED = 1 << 28;
    static final int F_INDEXED_OUT = 1 << 27;
    private static final int INTERNAL = F_LIVE | F_V6 | F_INDEXED | F_INDEXED_OUT;

    private static final int NIL = -1;
    private static final int INITIAL = 64;

    /** Longs per slot in {@link #addr}. */
    static final int ADDR_STRIDE = 4;
    // key word layout
    private static final int K_VPORT = 16;
    private static final int K_DPORT = 32;
    private static final int K_PROTO = 48;
    private static final long K_TEMPLATE = 1L << 56;
    private static final long K_V6 = 1L << 57;
    /** The bits of a key word that the client-side index compares, and those the NAT reply index does. */
    private static final long IN_KEY = 0xFFFFL | 0xFFFFL << K_VPORT | 0xFFL << K_PROTO | K_TEMPLATE | K_V6;
    private static final long OUT_KEY = 0xFFFFL | 0xFFFFL << K_DPORT | 0xFFL << K_PROTO | K_TEMPLATE | K_V6;

    // ---- per slot (keep perSlotArrayBytes() in step) ------------------------------------------
    int[] flags;
    byte[] proto;          // IP protocol number (0 = IPPROTO_IP for fwmark templates); read & 0xff
    byte[] state;
    // The lookup key is packed so that checking a candidate reads two cache lines, not eight:
    long[] addr;           // ADDR_STRIDE per slot: client lo, hi; virtual lo, hi (IPv4 in the low
                           // 32 bits of lo; fwmark templates: the mark as virtual address)
    long[] key;            // ports, protocol, template and family bits: see keyWord()
    char[] vport;          // virtual port (also in key)
    RealServer[] dest;
    long[] timer;          // EventLoop handle of the expiry timer (-1 = none yet)
    long[] expires;        // jiffies at which the timer is due (nominal)
    int[] timeout;         // cp->timeout in jiffies
    int[] control;         // controlling template id or NIL
    int[] nControl;        // number of entries this one controls
    int[] fwmark;          // skb mark at creation
    int[] prev, next;      // creation-order list of live slots; next doubles as the free list

    private int capacity;
    private int size;
    private int used;      // slots ever handed out (high-water mark)
    private int freeHead = NIL;
    private int head = NIL, tail = NIL;

    // ---- indexes: linear probing, backward-shift deletion, newest-first among equal keys ---------
    // An entry is (32-bit key hash << 32 | slot id); EMPTY has id NIL. With the hash stored next to
    // the id a probe compares keys only when the hashes agree, and deletion and growth find an
    // entry's home position without reading the slot arrays: one array (mostly one cache line) per
    // lookup instead of a miss in each of the key arrays for every entry probed.
    private static final long EMPTY = -1L;
    private long[] inIndex;
    /** The NAT reply index; null until the first NAT entry is indexed (DR/TUN runs never need it). */
    private long[] outIndex;
    private int indexMask;

    ConnectionTable() {
        allocateArrays(INITIAL);
    }

    private void allocateArrays(int n) {
        flags = new int[n];
        proto = new byte[n];
        state = new byte[n];
        addr = new long[ADDR_STRIDE * n];
        key = new long[n];
        vport = new char[n];
        dest = new RealServer[n];
        timer = new long[n];
        expires = new long[n];
        timeout = new int[n];
        control = new int[n];
        nControl = new int[n];
        fwmark = new int[n];
        prev = new int[n];
        next = new int[n];
        capacity = n;
        inIndex = emptyIndex(2 * n);
        outIndex = null;
        indexMask = 2 * n - 1;
    }

    private static long[] emptyIndex(int n) {
        long[] idx = new long[n];
        Arrays.fill(idx, EMPTY);
        return idx;
    }

    /**
     * Bytes per slot of the parallel arrays, computed from their element types (references counted
     * as 4 bytes, compressed oops). Equals {@link #BYTES_PER_SLOT}.
     */
    public static int perSlotArrayBytes() {
        int longs = ADDR_STRIDE + 3; // addr (4 per slot) key timer expires
        int ints = 7;    // flags timeout control nControl fwmark prev next
        int chars = 1;   // vport
        int bytes = 2;   // proto state
        int refs = 1;    // dest
        return longs * 8 + ints * 4 + chars * 2 + bytes + refs * 4;
    }

    // ---- read API ------------------------------------------------------------------------------

    /** Number of live entries (connections and templates). */
    public int size() {
        return size;
    }

    /** Current slot capacity (arrays grow by doubling). */
    public int capacity() {
        return capacity;
    }

    /** Ids of all live entries in ascending creation order. */
    public int[] liveIds() {
        int[] out = new int[size];
        int i = 0;
        for (int id = head; id != NIL; id = next[id]) {
            out[i++] = id;
        }
        return out;
    }

    /** Calls {@code visitor} for every live entry in creation order, without allocating. */
    public void forEach(java.util.function.IntConsumer visitor) {
        for (int id = head; id != NIL; ) {
            int n = next[id];
            visitor.accept(id);
            id = n;
        }
    }

    public boolean isLive(int id) {
        return id >= 0 && id < used && (flags[id] & F_LIVE) != 0;
    }

    private int live(int id) {
        if (!isLive(id)) {
            throw new IllegalArgumentException("no live connection with id " + id);
        }
        return id;
    }

    /** The protocol, or null for a fwmark persistence template (protocol IPPROTO_IP). */
    public Protocol protocol(int id) {
        int p = proto[live(id)] & 0xff;
        return p == 0 ? null : Protocol.ofNumber(p);
    }

    /** IP protocol number (0 for fwmark templates). */
    public int protocolNumber(int id) {
        return proto[live(id)] & 0xff;
    }

    /** The protocol as {@code /proc/net/ip_vs_conn} names it: TCP, UDP, SCTP, or IP for fwmark templates. */
    public String protocolName(int id) {
        int p = protocolNumber(id);
        return p == 0 ? "IP" : Protocol.ofNumber(p).label();
    }

    public boolean isTemplate(int id) {
        return (flags[live(id)] & ConnFlags.TEMPLATE) != 0;
    }

    public boolean isV6(int id) {
        return (flags[live(id)] & F_V6) != 0;
    }

    /** Raw state number (TCP: {@link TcpState}; UDP: 0; templates: 0 or {@link TcpState#TEMPLATE_ASSURED}). */
    public int state(int id) {
        return state[live(id)];
    }

    /**
     * The state as {@code /proc/net/ip_vs_conn} prints it ({@code ip_vs_state_name}): templates
     * "NONE" or "ASSURED", TCP the {@link TcpState} names, UDP "UDP", SCTP entries "NONE" (SCTP state
     * tracking is not modelled).
     */
    public String stateName(int id) {
        live(id);
        if ((flags[id] & ConnFlags.TEMPLATE) != 0) {
            return (state[id] & TcpState.TEMPLATE_ASSURED) != 0 ? "ASSURED" : "NONE";
        }
        int p = proto[id] & 0xff;
        if (p == 6) {
            return TcpState.name(state[id]);
        }
        if (p == 17) {
            return "UDP";
        }
        if (p == 132) {
            return SctpState.name(state[id]);
        }
        return "NONE";
    }

    /** Whether this TCP entry counts as active (in activeconns); always false for UDP and templates. */
    public boolean isActive(int id) {
        return (flags[live(id)] & (ConnFlags.INACTIVE | ConnFlags.TEMPLATE)) == 0;
    }

    public IpAddress clientAddress(int id) {
        live(id);
        int a = id * ADDR_STRIDE;
        return (flags[id] & F_V6) != 0 ? IpAddress.ofV6(addr[a + 1], addr[a]) : IpAddress.ofV4((int) addr[a]);
    }

    public int clientPort(int id) {
        return (int) key[live(id)] & 0xFFFF;
    }

    /** Virtual address; for a fwmark template the mark as an IPv4-style address (mark 1 → 0.0.0.1). */
    public IpAddress virtualAddress(int id) {
        live(id);
        if ((flags[id] & F_V6) != 0 && proto[id] != 0) {
            return IpAddress.ofV6(addr[id * ADDR_STRIDE + 3], addr[id * ADDR_STRIDE + 2]);
        }
        return IpAddress.ofV4((int) addr[id * ADDR_STRIDE + 2]);
    }

    public int virtualPort(int id) {
        return vport[live(id)];
    }

    public IpAddress destAddress(int id) {
        RealServer d = dest[live(id)];
        return d == null ? null : d.address();
    }

    public int destPort(int id) {
        return (int) (key[live(id)] >>> K_DPORT) & 0xFFFF;
    }

    public RealServer dest(int id) {
        return dest[live(id)];
    }

    /** Jiffies at which the entry's timer is due (nominal; see {@link IpvsTable#setTimerWheelRounding}). */
    public long expiresAtJiffies(int id) {
        return expires[live(id)];
    }

    /** The entry's current timeout ({@code cp->timeout}) in jiffies (an unsigned 32-bit value). */
    public long timeoutJiffies(int id) {
        return Integer.toUnsignedLong(timeout[live(id)]);
    }

    /** Kernel flag bits ({@link ConnFlags}), including HASHED for entries in the table. */
    public int flags(int id) {
        int f = flags[live(id)];
        int k = f & ~INTERNAL;
        if ((f & F_INDEXED) != 0) {
            k |= ConnFlags.HASHED;
        }
        return k;
    }

    public ForwardingMethod forwarding(int id) {
        return ForwardingMethod.ofCode(flags[live(id)] & ConnFlags.FWD_MASK);
    }

    /** The netfilter mark of the packet that created the entry. */
    public int fwmark(int id) {
        return fwmark[live(id)];
    }

    /** Id of the template controlling this connection, or -1. */
    public int controlId(int id) {
        return control[live(id)];
    }

    /** Number of connections this entry controls ({@code n_control}). */
    public int controlCount(int id) {
        return nControl[live(id)];
    }

    /**
     * The newest entry with exactly this key, or -1: first a connection, then a template (which
     * always has client port 0). {@code vaddr} of a fwmark template is the mark as IPv4 address.
     */
    public int findId(Protocol protocol, IpAddress caddr, int cport, IpAddress vaddr, int vport) {
        int p = protocol == null ? 0 : protocol.number();
        int id = findIn(false, p, caddr.isV6(), caddr.hi(), caddr.lo(), cport, vaddr.hi(), vaddr.lo(), vport);
        if (id < 0) {
            id = findIn(true, p, caddr.isV6(), caddr.hi(), caddr.lo(), cport, vaddr.hi(), vaddr.lo(), vport);
        }
        return id;
    }

    // ---- write API (IpvsTable only) ------------------------------------------------------------

    int allocate(int flagBits, boolean v6, int protocol, long cHi, long cLo, int cp, long vHi, long vLo, int vp,
            int dp, RealServer d, int mark) {
        int id;
        if (freeHead != NIL) {
            id = freeHead;
            freeHead = next[id];
        } else {
            if (used == capacity) {
                grow();
            }
            id = used++;
        }
        flags[id] = flagBits | F_LIVE | (v6 ? F_V6 : 0);
        proto[id] = (byte) protocol;
        state[id] = 0;
        int a = id * ADDR_STRIDE;
        addr[a] = cLo;
        addr[a + 1] = cHi;
        addr[a + 2] = vLo;
        addr[a + 3] = vHi;
        key[id] = keyWord(cp, vp, dp, protocol, (flagBits & ConnFlags.TEMPLATE) != 0, v6);
        vport[id] = (char) vp;
        dest[id] = d;
        timer[id] = -1;
        expires[id] = 0;
        timeout[id] = 0;
        control[id] = NIL;
        nControl[id] = 0;
        fwmark[id] = mark;
        // append to creation order
        prev[id] = tail;
        next[id] = NIL;
        if (tail != NIL) {
            next[tail] = id;
        } else {
            head = id;
        }
        tail = id;
        size++;
        return id;
    }

    void free(int id) {
        unindex(id);
        int p = prev[id];
        int n = next[id];
        if (p != NIL) {
            next[p] = n;
        } else {
            head = n;
        }
        if (n != NIL) {
            prev[n] = p;
        } else {
            tail = p;
        }
        flags[id] = 0;
        dest[id] = null;
        next[id] = freeHead;
        freeHead = id;
        size--;
    }

    private void grow() {
        int n = capacity * 2;
        flags = Arrays.copyOf(flags, n);
        proto = Arrays.copyOf(proto, n);
        state = Arrays.copyOf(state, n);
        addr = Arrays.copyOf(addr, ADDR_STRIDE * n);
        key = Arrays.copyOf(key, n);
        vport = Arrays.copyOf(vport, n);
        dest = Arrays.copyOf(dest, n);
        timer = Arrays.copyOf(timer, n);
        expires = Arrays.copyOf(expires, n);
        timeout = Arrays.copyOf(timeout, n);
        control = Arrays.copyOf(control, n);
        nControl = Arrays.copyOf(nControl, n);
        fwmark = Arrays.copyOf(fwmark, n);
        prev = Arrays.copyOf(prev, n);
        next = Arrays.copyOf(next, n);
        capacity = n;
        // rebuild the indexes, oldest first so that newest-first order among equal keys survives
        inIndex = emptyIndex(2 * n);
        outIndex = outIndex == null ? null : emptyIndex(2 * n);
        indexMask = 2 * n - 1;
        for (int id = head; id != NIL; id = next[id]) {
            if ((flags[id] & F_INDEXED) != 0) {
                insert(inIndex, id, false);
            }
            if ((flags[id] & F_INDEXED_OUT) != 0) {
                insert(outIndex, id, true);
            }
        }
    }

    /** Hashes the entry into the lookup indexes (the kernel's {@code ip_vs_conn_hash}). */
    void index(int id) {
        if ((flags[id] & F_INDEXED) == 0) {
            flags[id] |= F_INDEXED;
            insert(inIndex, id, false);
        }
        boolean nat = (flags[id] & (ConnFlags.TEMPLATE | ConnFlags.FWD_MASK)) == 0 && dest[id] != null;
        if (nat && (flags[id] & F_INDEXED_OUT) == 0) {
            if (outIndex == null) {
                outIndex = emptyIndex(indexMask + 1);
            }
            flags[id] |= F_INDEXED_OUT;
            insert(outIndex, id, true);
        }
    }

    /** Removes the entry from the indexes ({@code ip_vs_conn_unhash}). */
    void unindex(int id) {
        if ((flags[id] & F_INDEXED) != 0) {
            remove(inIndex, id, false);
            flags[id] &= ~F_INDEXED;
        }
        if ((flags[id] & F_INDEXED_OUT) != 0) {
            remove(outIndex, id, true);
            flags[id] &= ~F_INDEXED_OUT;
        }
    }

    boolean isIndexed(int id) {
        return (flags[id] & F_INDEXED) != 0;
    }

    /** Changes the key ports of an indexed entry (template invalidation). */
    void rekey(int id, int newCport, int newVport, int newDport) {
        boolean was = (flags[id] & F_INDEXED) != 0;
        unindex(id);
        long k = key[id];
        key[id] = keyWord(newCport, newVport, newDport, (int) (k >>> K_PROTO) & 0xFF, (k & K_TEMPLATE) != 0, (k & K_V6) != 0);
        vport[id] = (char) newVport;
        if (was) {
            index(id);
        }
    }

    /** {@code ip_vs_conn_in_get} / {@code ip_vs_ct_in_get}: newest entry with the key, or -1. */
    int findIn(boolean template, int protocol, boolean v6, long cHi, long cLo, int cp, long vHi, long vLo, int vp) {
        if (((cp | vp) & ~0xFFFF) != 0 || (protocol & ~0xFF) != 0) {
            return NIL; // no entry has such a port or protocol
        }
        int h = hashIn(template, protocol, v6, cHi, cLo, cp, vHi, vLo, vp);
        long want = keyWord(cp, vp, 0, protocol, template, v6);
        long[] idx = inIndex;
        int mask = indexMask;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            long e = idx[i];
            int id = (int) e;
            if (id == NIL) {
                return NIL;
            }
            if ((int) (e >>> 32) == h && (key[id] & IN_KEY) == want) {
                int a = id * ADDR_STRIDE;
                if (addr[a] == cLo && addr[a + 2] == vLo && addr[a + 1] == cHi && addr[a + 3] == vHi) {
                    return id;
                }
            }
        }
    }

    /** NAT reply lookup on (protocol, client, real server) — the MASQ half of {@code ip_vs_conn_out_get}. */
    int findOut(int protocol, boolean v6, long cHi, long cLo, int cp, long dHi, long dLo, int dp) {
        long[] idx = outIndex;
        if (idx == null) {
            return NIL;
        }
        if (((cp | dp) & ~0xFFFF) != 0 || (protocol & ~0xFF) != 0) {
            return NIL;
        }
        int h = hashOut(protocol, v6, cHi, cLo, cp, dHi, dLo, dp);
        long want = keyWord(cp, 0, dp, protocol, false, v6);
        int mask = indexMask;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            long e = idx[i];
            int id = (int) e;
            if (id == NIL) {
                return NIL;
            }
            if ((int) (e >>> 32) != h) {
                continue;
            }
            int a = id * ADDR_STRIDE;
            if ((key[id] & OUT_KEY) == want && addr[a] == cLo && addr[a + 1] == cHi) {
                IpAddress da = dest[id].address;
                if (da.lo() == dLo && da.hi() == dHi) {
                    return id;
                }
            }
        }
    }

    private int hashOf(int id, boolean out) {
        long k = key[id];
        int a = id * ADDR_STRIDE;
        int protocol = (int) (k >>> K_PROTO) & 0xFF;
        boolean v6 = (k & K_V6) != 0;
        int cp = (int) k & 0xFFFF;
        if (out) {
            IpAddress da = dest[id].address;
            return hashOut(protocol, v6, addr[a + 1], addr[a], cp, da.hi(), da.lo(), (int) (k >>> K_DPORT) & 0xFFFF);
        }
        return hashIn((k & K_TEMPLATE) != 0, protocol, v6, addr[a + 1], addr[a], cp, addr[a + 3], addr[a + 2],
                (int) (k >>> K_VPORT) & 0xFFFF);
    }

    private boolean sameKey(int a, int b, boolean out) {
        int x = a * ADDR_STRIDE;
        int y = b * ADDR_STRIDE;
        if (((key[a] ^ key[b]) & (out ? OUT_KEY : IN_KEY)) != 0 || addr[x] != addr[y] || addr[x + 1] != addr[y + 1]) {
            return false;
        }
        if (out) {
            return dest[a].address.equals(dest[b].address);
        }
        return addr[x + 2] == addr[y + 2] && addr[x + 3] == addr[y + 3];
    }

    /** The packed key word: client, virtual and destination port, protocol, template and IPv6 bits. */
    private static long keyWord(int cp, int vp, int dp, int protocol, boolean template, boolean v6) {
        return (cp & 0xFFFFL) | (vp & 0xFFFFL) << K_VPORT | (dp & 0xFFFFL) << K_DPORT | (protocol & 0xFFL) << K_PROTO
                | (template ? K_TEMPLATE : 0) | (v6 ? K_V6 : 0);
    }

    /**
     * Inserts so that among entries with the same key the newest comes first in probe order: on
     * meeting an equal key the new id takes its place and the displaced (older) id moves on.
     */
    private void insert(long[] idx, int id, boolean out) {
        int h = hashOf(id, out);
        int mask = indexMask;
        long carry = entry(h, id);
        for (int i = h & mask; ; i = (i + 1) & mask) {
            long e = idx[i];
            if ((int) e == NIL) {
                idx[i] = carry;
                return;
            }
            // equal keys have equal hashes, and carry always has this key
            if ((int) (e >>> 32) == h && sameKey((int) e, (int) carry, out)) {
                idx[i] = carry;
                carry = e;
            }
        }
    }

    /** Backward-shift deletion; keeps the relative order of the remaining entries of a cluster. */
    private void remove(long[] idx, int id, boolean out) {
        int mask = indexMask;
        int i = hashOf(id, out) & mask;
        while ((int) idx[i] != id) {
            if ((int) idx[i] == NIL) {
                throw new IllegalStateException("connection " + id + " missing from index");
            }
            i = (i + 1) & mask;
        }
        int hole = i;
        for (int j = (hole + 1) & mask; (int) idx[j] != NIL; j = (j + 1) & mask) {
            int home = (int) (idx[j] >>> 32) & mask;
            // idx[j] may move into the hole unless its home lies cyclically in (hole, j]
            boolean homeBetween = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!homeBetween) {
                idx[hole] = idx[j];
                hole = j;
            }
        }
        idx[hole] = EMPTY;
    }

    private static long entry(int hash, int id) {
        return (long) hash << 32 | (id & 0xFFFF_FFFFL);
    }

    static int hashIn(boolean template, int protocol, boolean v6, long cHi, long cLo, int cp, long vHi, long vLo, int vp) {
        long h = mix(cLo ^ (cHi * 0x9E3779B97F4A7C15L));
        h = mix(h ^ vLo ^ (vHi * 0xC2B2AE3D27D4EB4FL));
        h = mix(h ^ ((long) cp << 16 | vp) ^ ((long) protocol << 40) ^ (template ? 1L << 50 : 0) ^ (v6 ? 1L << 51 : 0));
        return (int) (h ^ (h >>> 32));
    }

    private static int hashOut(int protocol, boolean v6, long cHi, long cLo, int cp, long dHi, long dLo, int dp) {
        return hashIn(false, protocol, v6, cHi, cLo, cp, dHi ^ 0x5555555555555555L, dLo, dp);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
