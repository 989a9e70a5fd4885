/**
 * The table between command-line invocations: {@link org.lvslab.ipvsadm.state.StateFile} keeps
 * a simulated kernel's configuration in a versioned text file (format in
 * {@code docs/ipvsadm.md}), written atomically and guarded by a file lock so that concurrent
 * {@code lvslab ipvsadm} runs are serialised; {@link org.lvslab.ipvsadm.state.StateCodec}
 * turns a table into that text and back.
 */
package org.lvslab.ipvsadm.state;
