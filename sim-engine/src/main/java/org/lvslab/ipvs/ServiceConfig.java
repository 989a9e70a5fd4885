package org.lvslab.ipvs;

/**
 * What an add or edit of a service sends to the kernel (netlink {@code IPVS_CMD_NEW_SERVICE} /
 * {@code SET_SERVICE}): scheduler name ("none" for none), flags (without HASHED), persistence
 * timeout in seconds, netmask (IPv4: 32-bit mask, IPv6: prefix length) and persistence engine
 * ("" for none).
 */
public record ServiceConfig(ServiceKey key, String scheduler, int flags, int timeoutSeconds, int netmask, String peName) {
    public ServiceConfig {
        if (scheduler == null) {
            scheduler = "none";
        }
        if (peName == null) {
            peName = "";
        }
    }

    /** A non-persistent service with the given scheduler and the default full netmask. */
    public static ServiceConfig of(ServiceKey key, String scheduler) {
        int mask = key.family() == AddressFamily.INET6 ? 128 : 0xFFFFFFFF;
        return new ServiceConfig(key, scheduler, 0, 0, mask, "");
    }

    public ServiceConfig withFlags(int f) {
        return new ServiceConfig(key, scheduler, f, timeoutSeconds, netmask, peName);
    }

    public ServiceConfig withPersistence(int seconds, int mask) {
        return new ServiceConfig(key, scheduler, flags | ServiceFlags.PERSISTENT, seconds, mask, peName);
    }
}
