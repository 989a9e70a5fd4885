package org.lvslab.kernellab;

import org.lvslab.ipvs.KernelVersion;

/** A Debian kernel package and the upstream version it carries. */
public record KernelTarget(String packageName, KernelVersion version) {
    @Override
    public String toString() {
        return version + " (" + packageName + ")";
    }
}
