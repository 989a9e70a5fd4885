package org.lvslab.workloads;

import java.io.IOException;

/**
 * A stream of connections in non-decreasing start-time order: a trace reader or a generator.
 * Pull-based and allocation-light: {@link #next} fills the caller's record.
 *
 * <pre>{@code
 * try (ConnectionSource src = TraceFormat.openAuto(path, TraceOptions.defaults())) {
 *     ConnectionRecord r = new ConnectionRecord();
 *     while (src.next(r)) { ... }
 * }
 * }</pre>
 *
 * Bad input raises {@link TraceFormatException} (an {@link IOException}) naming the source, the
 * line or byte offset and the problem, unless the source's {@link OnError} policy is
 * {@link OnError#SKIP}, in which case the record is dropped and counted in {@link #report()}.
 */
public interface ConnectionSource extends AutoCloseable {
    /** Returned by {@link #originEpochNs()} when the trace carries no absolute time. */
    long NO_ORIGIN = Long.MIN_VALUE;

    /** Fills {@code into} with the next connection; false at the end of the stream. */
    boolean next(ConnectionRecord into) throws IOException;

    /**
     * The absolute time (ns since the Unix epoch) of time 0, or {@link #NO_ORIGIN}. For log
     * readers it is known once the first record has been returned.
     */
    default long originEpochNs() {
        return NO_ORIGIN;
    }

    /** What was skipped or noted so far (never silently: every dropped input is counted here). */
    ReadReport report();

    @Override
    void close() throws IOException;
}
