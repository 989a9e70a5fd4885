package org.lvslab.scenario;

/**
 * How one line went. {@link #OK} also covers an ipvsadm command that failed (its error message
 * is part of the output, as on a real kernel); {@link #UNFAITHFUL} means the line could not be
 * executed as the kernel lab would (exit status 3 of the runner), with {@link #problem()} saying why.
 */
public record LineResult(boolean faithful, String problem) {
    public static final LineResult OK = new LineResult(true, null);

    public static LineResult unfaithful(String problem) {
        return new LineResult(false, problem);
    }
}
