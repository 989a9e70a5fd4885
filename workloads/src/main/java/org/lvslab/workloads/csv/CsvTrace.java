package org.lvslab.workloads.csv;

import java.util.List;

/** Constants of the canonical CSV trace format, version 1. */
public final class CsvTrace {
    private CsvTrace() {
    }

    public static final int VERSION = 1;
    /** The header starts with this; the version number follows. */
    public static final String MAGIC = "# lvslab-trace v";
    public static final List<String> COLUMNS = List.of("time_ns", "proto", "client", "client_port", "vip", "vport",
            "fwmark", "duration_ns", "bytes_in", "bytes_out", "real", "real_port", "state", "expire_ns");

    /** The header line (without newline) for a trace whose time 0 is {@code originEpochNs} (or none). */
    public static String header(long originEpochNs) {
        return MAGIC + VERSION + " origin_ns=" + (originEpochNs == Long.MIN_VALUE ? "-" : Long.toString(originEpochNs))
                + " columns=" + String.join(",", COLUMNS);
    }
}
