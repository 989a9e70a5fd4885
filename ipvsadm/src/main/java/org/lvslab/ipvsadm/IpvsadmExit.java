package org.lvslab.ipvsadm;

/**
 * ipvsadm calling {@code exit()}: ends the whole invocation, including a running {@code -R},
 * with the given status. Never escapes {@link Ipvsadm#run}.
 */
final class IpvsadmExit extends RuntimeException {
    final int status;

    IpvsadmExit(int status) {
        super(null, null, false, false);
        this.status = status;
    }
}
