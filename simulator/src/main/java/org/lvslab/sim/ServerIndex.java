package org.lvslab.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lvslab.ipvs.IpAddress;

/**
 * The run's real servers, numbered in order of first appearance (rules file order, then servers
 * added by the timeline). A real server is an address and port, as ipvsadm prints it; several
 * directors' tables map their own objects onto the same numbers.
 */
final class ServerIndex {
    private record Key(IpAddress address, int port) {
    }

    private final Map<Key, Integer> byKey = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<IpAddress> addresses = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    int add(IpAddress address, int port) {
        Key k = new Key(address, port);
        Integer i = byKey.get(k);
        if (i != null) {
            return i;
        }
        int n = names.size();
        byKey.put(k, n);
        names.add(address.isV6() ? "[" + address + "]:" + port : address + ":" + port);
        addresses.add(address);
        ports.add(port);
        return n;
    }

    int find(IpAddress address, int port) {
        Integer i = byKey.get(new Key(address, port));
        return i == null ? -1 : i;
    }

    int size() {
        return names.size();
    }

    String name(int i) {
        return names.get(i);
    }

    List<String> names() {
        return List.copyOf(names);
    }
}
