package org.lvslab.reports.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lvslab.reports.AdminMark;

/**
 * Measures how much an admin event (drain, failure, weight change, new server) disturbs the
 * mapping of clients to real servers.
 *
 * <p>At each event, every client with at least one open connection is <em>watched</em> together
 * with the real server of its most recent connection. The first new connection a watched client
 * opens afterwards settles it: <em>remapped</em> if it went to another real server. The window of
 * an event closes at the next event (or at {@link #finish()}); watched clients that opened nothing
 * in the window are counted as active but not observed. The disruption of an event is
 * {@code remapped / observed}.
 *
 * <p>Clients are identified by a caller-chosen 64-bit key (the client address, without the
 * port: a browser's next connection comes from a new ephemeral port).
 *
 * <h2>Memory</h2>
 * Only clients that matter are kept: those with an open connection, and those watched by the
 * current event's window that have not yet come back. A client is forgotten when its last
 * connection ends (unless it is being watched), and the clients left over from a closed window
 * are dropped at the next event, so the state is bounded by the concurrently active clients, not
 * by every client ever seen. Per client an open-addressing table (linear probing, backward-shift
 * deletion, at most half full) holds {@value #BYTES_PER_SLOT} bytes per slot in parallel
 * primitive arrays: at most {@code 2 × 24} bytes per tracked client. Nothing is allocated per
 * connection once the table has grown to the peak number of active clients; an admin event
 * rebuilds it (one allocation per event).
 */
public final class DisruptionTracker {
    /** key (8) + last server, open connections, watching event, watched server (4 each). */
    public static final int BYTES_PER_SLOT = 24;

    private static final long EMPTY = Long.MIN_VALUE;
    private static final int MIN_CAPACITY = 1024;

    private long[] keys;
    private int[] lastServer;
    private int[] live;
    private int[] watchedEvent;
    private int[] watchedServer;
    private int size;
    private int mask;
    private int peak;

    private final List<AdminMark> marks = new ArrayList<>();
    private int current = -1;
    private long currentTime;
    private String currentLabel;
    private int currentActive;
    private int currentObserved;
    private int currentRemapped;

    public DisruptionTracker() {
        allocate(MIN_CAPACITY);
    }

    /** A client opened a connection that was scheduled to real server {@code server}. */
    public void opened(long client, int server) {
        int slot = slotFor(fold(client));
        if (current >= 0 && watchedEvent[slot] == current) {
            currentObserved++;
            if (watchedServer[slot] != server) {
                currentRemapped++;
            }
            watchedEvent[slot] = -1;
        }
        lastServer[slot] = server;
        live[slot]++;
    }

    /** One of the client's connections ended (closed, reset or expired). */
    public void closed(long client) {
        int slot = find(fold(client));
        if (slot < 0 || live[slot] == 0) {
            return;
        }
        if (--live[slot] == 0 && !(current >= 0 && watchedEvent[slot] == current)) {
            removeAt(slot);
        }
    }

    /** An admin event happens now: closes the previous event's window and watches active clients. */
    public void event(long timeNs, String label) {
        closeCurrent();
        current = marks.size() + 1; // distinct from -1 and from every earlier event
        currentTime = timeNs;
        currentLabel = label;
        currentActive = 0;
        currentObserved = 0;
        currentRemapped = 0;
        // keep only the clients with open connections (the previous window's leftovers go)
        long[] k = keys;
        int[] ls = lastServer;
        int[] lv = live;
        int activeNow = 0;
        for (int i = 0; i < k.length; i++) {
            if (k[i] != EMPTY && lv[i] > 0) {
                activeNow++;
            }
        }
        allocate(capacityFor(activeNow));
        for (int j = 0; j < k.length; j++) {
            if (k[j] == EMPTY || lv[j] == 0) {
                continue;
            }
            int i = emptySlotFor(k[j]);
            keys[i] = k[j];
            lastServer[i] = ls[j];
            live[i] = lv[j];
            watchedEvent[i] = current;
            watchedServer[i] = ls[j];
            size++;
            currentActive++;
        }
    }

    /** Ends the last event's window; returns every event's result in time order. */
    public List<AdminMark> finish() {
        closeCurrent();
        return List.copyOf(marks);
    }

    /** Clients tracked now: those with an open connection plus those still watched by the current event. */
    public int clients() {
        return size;
    }

    /** The most clients tracked at once (what the table had to hold). */
    public int peakClients() {
        return peak;
    }

    private void closeCurrent() {
        if (currentLabel != null) {
            marks.add(new AdminMark(currentTime, currentLabel, currentActive, currentObserved, currentRemapped));
            currentLabel = null;
        }
        current = -1;
    }

    // ---- open addressing ---------------------------------------------------------------------

    /** The one reserved key value folds onto its neighbour, for opened and closed alike. */
    private static long fold(long key) {
        return key == EMPTY ? EMPTY + 1 : key;
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    /** Linear probing from the key's hash: the slot holding {@code key}, or the empty slot ending its run. */
    private int probe(long key) {
        int i = mix(key) & mask;
        while (keys[i] != key && keys[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private int find(long key) {
        int i = probe(key);
        return keys[i] == key ? i : -1;
    }

    private int slotFor(long key) {
        int i = probe(key);
        if (keys[i] == key) {
            return i;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
            i = emptySlotFor(key);
        }
        keys[i] = key;
        lastServer[i] = 0;
        live[i] = 0;
        watchedEvent[i] = -1;
        watchedServer[i] = 0;
        size++;
        peak = Math.max(peak, size);
        return i;
    }

    private int emptySlotFor(long key) {
        int i = mix(key) & mask;
        while (keys[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Backward-shift deletion: pulls later members of the probe run into the hole. */
    private void removeAt(int hole) {
        int i = hole;
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            long k = keys[j];
            if (k == EMPTY) {
                break;
            }
            int home = mix(k) & mask;
            // the entry at j may fill the hole at i if i lies on its probe path from home to j
            if (((j - home) & mask) >= ((j - i) & mask)) {
                keys[i] = k;
                lastServer[i] = lastServer[j];
                live[i] = live[j];
                watchedEvent[i] = watchedEvent[j];
                watchedServer[i] = watchedServer[j];
                i = j;
            }
        }
        keys[i] = EMPTY;
        size--;
    }

    private static int capacityFor(int clients) {
        int c = MIN_CAPACITY;
        while (c < 2 * (clients + 1)) {
            c <<= 1;
        }
        return c;
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        lastServer = new int[capacity];
        live = new int[capacity];
        watchedEvent = new int[capacity];
        watchedServer = new int[capacity];
        mask = capacity - 1;
        size = 0;
    }

    private void grow() {
        long[] k = keys;
        int[] ls = lastServer;
        int[] lv = live;
        int[] we = watchedEvent;
        int[] ws = watchedServer;
        allocate(k.length * 2);
        for (int j = 0; j < k.length; j++) {
            if (k[j] == EMPTY) {
                continue;
            }
            int i = emptySlotFor(k[j]);
            keys[i] = k[j];
            lastServer[i] = ls[j];
            live[i] = lv[j];
            watchedEvent[i] = we[j];
            watchedServer[i] = ws[j];
            size++;
        }
    }
}
