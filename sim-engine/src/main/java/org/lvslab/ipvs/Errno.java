package org.lvslab.ipvs;

/** The kernel error numbers that the IPVS control path returns (as positive values). */
public final class Errno {
    public static final int OK = 0;
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int ENOMEM = 12;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    public static final int ERANGE = 34;
    public static final int EOPNOTSUPP = 95;
    public static final int EAFNOSUPPORT = 97;
    public static final int ENETUNREACH = 101;

    private Errno() {
    }
}
