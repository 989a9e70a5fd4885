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
 * port: a browser's next connection comes from a new ephemeral port). An open-addressing table
 * with parallel arrays keeps per-client state; nothing is allocated per connection once it has
 * grown to the client population.
 */
public final class DisruptionTracker {
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] lastServer;
    private int[] live;
    private int[] watchedEvent;
    private int[] watchedServer;
    private int size;
    private int mask;

    private final List<AdminMark> marks = new ArrayList<>();
    private int current = -1;
    private long currentTime;
    private String currentLabel;
    private int currentActive;
    private int currentObserved;
    private int currentRemapped;

    public DisruptionTracker() {
        allocate(1024);
    }

    /** A client opened a connection that was scheduled to real server {@code server}. */
    public void opened(long client, int server) {
        int slot = slotFor(client);
        if (watchedEvent[slot] == current && current >= 0) {
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
        int slot = find(client);
        if (slot >= 0 && live[slot] > 0) {
            live[slot]--;
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
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && live[i] > 0) {
                watchedEvent[i] = current;
                watchedServer[i] = lastServer[i];
                currentActive++;
            }
        }
    }

    /** Ends the last event's window; returns every event's result in time order. */
    public List<AdminMark> finish() {
        closeCurrent();
        return List.copyOf(marks);
    }

    /** Number of distinct clients seen. */
    public int clients() {
        return size;
    }

    private void closeCurrent() {
        if (currentLabel != null) {
            marks.add(new AdminMark(currentTime, currentLabel, currentActive, currentObserved, currentRemapped));
            currentLabel = null;
        }
        current = -1;
    }

    // ---- open addressing ---------------------------------------------------------------------

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    private int find(long key) {
        int i = mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k == EMPTY) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    private int slotFor(long key) {
        if (key == EMPTY) {
            key = EMPTY + 1; // the one reserved value folds onto its neighbour
        }
        int i = mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k == EMPTY) {
                break;
            }
            i = (i + 1) & mask;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
            return slotFor(key);
        }
        keys[i] = key;
        watchedEvent[i] = -1;
        size++;
        return i;
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
            int i = mix(k[j]) & mask;
            while (keys[i] != EMPTY) {
                i = (i + 1) & mask;
            }
            keys[i] = k[j];
            lastServer[i] = ls[j];
            live[i] = lv[j];
            watchedEvent[i] = we[j];
            watchedServer[i] = ws[j];
            size++;
        }
    }
}
