package org.lvslab.netlink.socket;

import org.lvslab.ipvs.Errno;

/** Names and glibc texts of the errno values the IPVS backend meets. */
public final class Errnos {
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int ENOBUFS = 105;
    public static final int EPROTONOSUPPORT = 93;

    private Errnos() {
    }

    /** "EEXIST" style name, or "errno N". */
    public static String name(int errno) {
        return switch (errno) {
            case Errno.EPERM -> "EPERM";
            case Errno.ENOENT -> "ENOENT";
            case Errno.ESRCH -> "ESRCH";
            case EINTR -> "EINTR";
            case EAGAIN -> "EAGAIN";
            case Errno.ENOMEM -> "ENOMEM";
            case EACCES -> "EACCES";
            case Errno.EBUSY -> "EBUSY";
            case Errno.EEXIST -> "EEXIST";
            case Errno.ENODEV -> "ENODEV";
            case Errno.EINVAL -> "EINVAL";
            case Errno.ERANGE -> "ERANGE";
            case EPROTONOSUPPORT -> "EPROTONOSUPPORT";
            case Errno.EOPNOTSUPP -> "EOPNOTSUPP";
            case Errno.EAFNOSUPPORT -> "EAFNOSUPPORT";
            case ENOBUFS -> "ENOBUFS";
            default -> "errno " + errno;
        };
    }

    /** The C library's message for {@code errno} (glibc wording). */
    public static String text(int errno) {
        return switch (errno) {
            case Errno.EPERM -> "Operation not permitted";
            case Errno.ENOENT -> "No such file or directory";
            case Errno.ESRCH -> "No such process";
            case EINTR -> "Interrupted system call";
            case EAGAIN -> "Resource temporarily unavailable";
            case Errno.ENOMEM -> "Cannot allocate memory";
            case EACCES -> "Permission denied";
            case Errno.EBUSY -> "Device or resource busy";
            case Errno.EEXIST -> "File exists";
            case Errno.ENODEV -> "No such device";
            case Errno.EINVAL -> "Invalid argument";
            case Errno.ERANGE -> "Numerical result out of range";
            case EPROTONOSUPPORT -> "Protocol not supported";
            case Errno.EOPNOTSUPP -> "Operation not supported";
            case Errno.EAFNOSUPPORT -> "Address family not supported by protocol";
            case ENOBUFS -> "No buffer space available";
            default -> "Unknown error " + errno;
        };
    }

    /** "EEXIST (File exists)". */
    public static String describe(int errno) {
        return name(errno) + " (" + text(errno) + ")";
    }
}
