package org.lvslab.ipvs;

/** Address family of a service or real server, with the kernel's AF_* number. */
public enum AddressFamily {
    INET(2), INET6(10);

    private final int number;

    AddressFamily(int number) {
        this.number = number;
    }

    /** AF_INET = 2, AF_INET6 = 10, as in the netlink protocol. */
    public int number() {
        return number;
    }
}
