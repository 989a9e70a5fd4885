package org.lvslab.netlink.sync;

/** One operation of a plan and, when it is not obvious, why it is there ("" otherwise). */
public record Step(Operation op, String why) {
    public Step(Operation op) {
        this(op, "");
    }
}
