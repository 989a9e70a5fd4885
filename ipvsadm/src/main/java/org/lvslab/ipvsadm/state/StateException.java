package org.lvslab.ipvsadm.state;

/** A state file that cannot be used (unreadable, corrupt, from a newer lvslab); the message names the file. */
public final class StateException extends Exception {
    public StateException(String message) {
        super(message);
    }

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
