package org.lvslab.ipvs;

/** Transport protocol of a service or connection, with its IP protocol number. */
public enum Protocol {
    TCP(6, "TCP"), UDP(17, "UDP"), SCTP(132, "SCTP");

    private final int number;
    private final String label;

    Protocol(int number, String label) {
        this.number = number;
        this.label = label;
    }

    public int number() {
        return number;
    }

    /** The name ipvsadm prints ("TCP", "UDP", "SCTP"). */
    public String label() {
        return label;
    }

    public static Protocol ofNumber(int n) {
        for (Protocol p : values()) {
            if (p.number == n) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol number " + n);
    }
}
