package org.lvslab.netlink;

/**
 * The GET_INFO reply: the IPVS version word (0x00010201 = 1.2.1) and the size of the connection
 * hash table (2^CONFIG_IP_VS_TAB_BITS).
 */
public record IpvsInfo(int version, int connTableSize) {
    /** "1.2.1" style, as ipvsadm's version line prints it. */
    public String versionString() {
        return ((version >>> 16) & 0xFF) + "." + ((version >>> 8) & 0xFF) + "." + (version & 0xFF);
    }
}
