package org.lvslab.workloads.accesslog;

/** What a log variable or directive tells about a request. */
enum LogField {
    /** Epoch seconds with a fraction, at the end of the request (nginx $msec). */
    END_EPOCH,
    /** Common log format time "10/Oct/2000:13:55:36 -0700" at the end (nginx $time_local). */
    END_CLF,
    /** ISO 8601 time at the end (nginx $time_iso8601). */
    END_ISO,
    /** CLF time in brackets at the request's start (Apache %t). */
    START_CLF_BRACKETED,
    /** Epoch seconds / ms / µs at the start (Apache %{sec}t, %{msec}t, %{usec}t). */
    START_EPOCH_S, START_EPOCH_MS, START_EPOCH_US,
    /** Request duration: seconds with fraction (nginx $request_time), µs (%D), whole s (%T), ms (%{ms}T). */
    DURATION_S, DURATION_US, DURATION_WHOLE_S, DURATION_MS,
    CLIENT, CLIENT_PORT, CONNECTION_ID, CONNECTION_REQUESTS, SERVER_ADDR, SERVER_PORT,
    BYTES_IN, BYTES_OUT, BODY_BYTES_OUT, UPSTREAM,
    /** Anything else: matched and ignored. */
    OTHER
}
