package org.lvslab.ipvsadm;

import org.lvslab.ipvs.Errno;

/**
 * The message ipvsadm prints for a failed kernel request: first its library's own table, which
 * depends on the request and the errno ({@code libipvs.c}, {@code ipvs_strerror}), else the C
 * library's {@code strerror} text.
 */
final class ErrnoText {
    static final int ENOPROTOOPT = 92;
    static final int EMSGSIZE = 90;

    /** The library request that failed (ipvsadm's {@code ipvs_func}). */
    enum Request {
        ADD_SERVICE, EDIT_SERVICE, DELETE_SERVICE, ZERO, ADD_DEST, EDIT_DEST, DELETE_DEST,
        START_DAEMON, STOP_DAEMON, GET_SERVICES, GET_DESTS, GET_SERVICE, FLUSH, SET_TIMEOUT
    }

    private ErrnoText() {
    }

    static String message(Request r, int errno) {
        String specific = switch (r) {
            case ADD_SERVICE -> errno == Errno.EEXIST ? "Service already exists"
                    : errno == Errno.ENOENT ? "Scheduler or persistence engine not found" : null;
            case EDIT_SERVICE -> errno == Errno.ESRCH ? "No such service"
                    : errno == Errno.ENOENT ? "Scheduler or persistence engine not found" : null;
            case DELETE_SERVICE, ZERO, GET_SERVICES, GET_DESTS, GET_SERVICE ->
                    errno == Errno.ESRCH ? "No such service" : null;
            case ADD_DEST -> errno == Errno.ESRCH ? "Service not defined"
                    : errno == Errno.EEXIST ? "Destination already exists" : null;
            case EDIT_DEST, DELETE_DEST -> errno == Errno.ESRCH ? "Service not defined"
                    : errno == Errno.ENOENT ? "No such destination" : null;
            case START_DAEMON -> errno == Errno.EEXIST ? "Daemon has already run" : null;
            case STOP_DAEMON -> errno == Errno.ESRCH ? "No daemon is running" : null;
            case FLUSH, SET_TIMEOUT -> null;
        };
        if (specific != null) {
            return specific;
        }
        return switch (errno) {
            case Errno.EPERM -> "Permission denied (you must be root)";
            case Errno.EINVAL -> "Invalid operation.  Possibly wrong module version, address not unicast, ...";
            case ENOPROTOOPT -> "Protocol not available";
            case Errno.ENOMEM -> "Memory allocation problem";
            case Errno.EOPNOTSUPP -> "Operation not supported with IPv6";
            case Errno.EAFNOSUPPORT -> "Operation not supported with specified address family";
            case EMSGSIZE -> "Module is wrong version";
            default -> strerror(errno);
        };
    }

    /** glibc's {@code strerror} texts for the errnos the IPVS control path can return. */
    static String strerror(int errno) {
        return switch (errno) {
            case Errno.EPERM -> "Operation not permitted";
            case Errno.ENOENT -> "No such file or directory";
            case Errno.ESRCH -> "No such process";
            case Errno.ENOMEM -> "Cannot allocate memory";
            case Errno.EBUSY -> "Device or resource busy";
            case Errno.EEXIST -> "File exists";
            case Errno.ENODEV -> "No such device";
            case Errno.EINVAL -> "Invalid argument";
            case Errno.ERANGE -> "Numerical result out of range";
            case EMSGSIZE -> "Message too long";
            case ENOPROTOOPT -> "Protocol not available";
            case Errno.EOPNOTSUPP -> "Operation not supported";
            case Errno.EAFNOSUPPORT -> "Address family not supported by protocol";
            case Errno.ENETUNREACH -> "Network is unreachable";
            default -> "Unknown error " + errno;
        };
    }
}
