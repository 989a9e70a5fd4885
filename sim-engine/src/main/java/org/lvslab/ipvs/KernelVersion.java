package org.lvslab.ipvs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An upstream kernel version as an operator sees it in {@code uname -r} ("6.12.117",
 * "6.12.117+deb12-amd64", "6.1.0-56-amd64" is <em>not</em> an upstream version: Debian's 6.1 ABI
 * name says nothing about the stable release). Ordered numerically.
 */
public record KernelVersion(int major, int minor, int patch) implements Comparable<KernelVersion> {
    private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:[+~-].*)?");

    /** The newest version lvslab models; the default for every simulation. */
    public static final KernelVersion NEWEST = new KernelVersion(6, 12, 117);

    public static KernelVersion parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a kernel version (expected e.g. 6.12.117): " + text);
        }
        return new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    public boolean atLeast(int major, int minor, int patch) {
        return compareTo(new KernelVersion(major, minor, patch)) >= 0;
    }

    public boolean isSeries(int major, int minor) {
        return this.major == major && this.minor == minor;
    }

    @Override
    public int compareTo(KernelVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
