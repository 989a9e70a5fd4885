package org.lvslab.ipvsadm.names;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lvslab.ipvs.IpAddress;

/**
 * A resolver over the contents of a hosts file and a services database, as glibc's "files"
 * back ends read them (first matching line wins; host names compare case-insensitively, service
 * names exactly), optionally falling back to the system's DNS for host names.
 */
public final class FilesResolver implements Resolver {
    private record Host(IpAddress address, List<String> names) {
    }

    private record Service(String name, int port, String protocol, List<String> aliases) {
    }

    private final List<Host> hosts;
    private final List<Service> services;
    private final boolean dns;

    private FilesResolver(List<Host> hosts, List<Service> services, boolean dns) {
        this.hosts = hosts;
        this.services = services;
        this.dns = dns;
    }

    /** A resolver over the given texts in hosts(5) and services(5) format, without DNS. */
    public static FilesResolver of(String hostsText, String servicesText) {
        return new FilesResolver(parseHosts(hostsText), parseServices(servicesText), false);
    }

    /**
     * The machine's resolver: {@code /etc/hosts} and {@code /etc/services} (missing files count
     * as empty), then DNS through the JDK for host names when {@code dns} is set.
     */
    public static FilesResolver system(boolean dns) {
        return new FilesResolver(parseHosts(read(Path.of("/etc/hosts"))),
                parseServices(read(Path.of("/etc/services"))), dns);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    private static List<String> fields(String line) {
        int hash = line.indexOf('#');
        if (hash >= 0) {
            line = line.substring(0, hash);
        }
        List<String> out = new ArrayList<>();
        for (String f : line.trim().split("[ \t]+")) {
            if (!f.isEmpty()) {
                out.add(f);
            }
        }
        return out;
    }

    private static List<Host> parseHosts(String text) {
        List<Host> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            List<String> f = fields(line);
            if (f.size() < 2) {
                continue;
            }
            IpAddress a = InetText.inetPton4(f.get(0));
            if (a == null) {
                a = InetText.inetPton6(f.get(0));
            }
            if (a != null) {
                out.add(new Host(a, List.copyOf(f.subList(1, f.size()))));
            }
        }
        return List.copyOf(out);
    }

    private static List<Service> parseServices(String text) {
        List<Service> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            List<String> f = fields(line);
            if (f.size() < 2) {
                continue;
            }
            String pp = f.get(1);
            int slash = pp.indexOf('/');
            if (slash <= 0) {
                continue;
            }
            int port;
            try {
                port = Integer.parseInt(pp.substring(0, slash));
            } catch (NumberFormatException e) {
                continue;
            }
            if (port < 0 || port > 65535) {
                continue;
            }
            out.add(new Service(f.get(0), port, pp.substring(slash + 1), List.copyOf(f.subList(2, f.size()))));
        }
        return List.copyOf(out);
    }

    /**
     * {@link #system(boolean)} read on first use, so that numeric invocations never touch the
     * files (startup speed of {@code ipvsadm -Ln} in scripts).
     */
    public static Resolver systemLazy(boolean dns) {
        return new Resolver() {
            private FilesResolver r;

            private FilesResolver get() {
                if (r == null) {
                    r = system(dns);
                }
                return r;
            }

            @Override
            public String hostName(IpAddress address) {
                return get().hostName(address);
            }

            @Override
            public IpAddress hostAddressV4(String name) {
                return get().hostAddressV4(name);
            }

            @Override
            public String serviceName(int port, String protocol) {
                return get().serviceName(port, protocol);
            }

            @Override
            public int servicePort(String name, String protocol) {
                return get().servicePort(name, protocol);
            }
        };
    }

    @Override
    public String hostName(IpAddress address) {
        for (Host h : hosts) {
            if (h.address.equals(address)) {
                return h.names.get(0);
            }
        }
        if (!dns) {
            return null;
        }
        try {
            InetAddress ia = InetAddress.getByAddress(address.toBytes());
            String name = ia.getHostName();
            return name.equals(ia.getHostAddress()) ? null : name;
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    @Override
    public IpAddress hostAddressV4(String name) {
        if (name.isEmpty() || name.indexOf(':') >= 0 || name.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
            return null; // glibc answers numeric-looking names itself and fails them here
        }
        for (Host h : hosts) {
            if (h.address.isV6()) {
                continue;
            }
            for (String n : h.names) {
                if (n.equalsIgnoreCase(name)) {
                    return h.address;
                }
            }
        }
        if (!dns) {
            return null;
        }
        try {
            for (InetAddress ia : InetAddress.getAllByName(name)) {
                if (ia instanceof Inet4Address) {
                    return IpAddress.fromBytes(ia.getAddress());
                }
            }
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
        return null;
    }

    @Override
    public String serviceName(int port, String protocol) {
        for (Service s : services) {
            if (s.port == port && s.protocol.equals(protocol)) {
                return s.name;
            }
        }
        return null;
    }

    @Override
    public int servicePort(String name, String protocol) {
        for (Service s : services) {
            if (s.protocol.equals(protocol) && (s.name.equals(name) || s.aliases.contains(name))) {
                return s.port;
            }
        }
        return -1;
    }
}
