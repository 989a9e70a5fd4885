package org.lvslab.ipvsadm;

import java.util.Objects;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvsadm.kernel.IpvsKernel;
import org.lvslab.ipvsadm.kernel.SimulatedKernel;
import org.lvslab.ipvsadm.names.Resolver;

/**
 * Everything one ipvsadm invocation runs against: the kernel it talks to, the name resolver
 * (host and service names; {@link Resolver#NONE} turns resolution off), the program name it
 * prints in help and try-help texts (argv[0]), and which ipvsadm 1.31 build to imitate.
 *
 * @param kernel        the kernel (usually a {@link SimulatedKernel} over an {@link IpvsTable})
 * @param resolver      host/service look-ups for parsing and for listings without {@code -n}
 * @param programName   argv[0] as invoked
 * @param debianRelease imitate the Debian/Ubuntu 1.31 package instead of upstream: fwmarks
 *                      printed as signed 32-bit numbers and weights up to 2147483647
 */
public record IpvsadmEnv(IpvsKernel kernel, Resolver resolver, String programName, boolean debianRelease) {
    public IpvsadmEnv {
        Objects.requireNonNull(kernel);
        Objects.requireNonNull(resolver);
        Objects.requireNonNull(programName);
    }

    /** An in-memory environment over {@code table}: no sync daemon running, no name resolution. */
    public static IpvsadmEnv of(IpvsTable table) {
        return new IpvsadmEnv(new SimulatedKernel(table), Resolver.NONE, "ipvsadm", false);
    }

    public static IpvsadmEnv of(IpvsKernel kernel) {
        return new IpvsadmEnv(kernel, Resolver.NONE, "ipvsadm", false);
    }

    public IpvsadmEnv withResolver(Resolver r) {
        return new IpvsadmEnv(kernel, r, programName, debianRelease);
    }

    public IpvsadmEnv withProgramName(String name) {
        return new IpvsadmEnv(kernel, resolver, name, debianRelease);
    }

    public IpvsadmEnv withKernel(IpvsKernel k) {
        return new IpvsadmEnv(k, resolver, programName, debianRelease);
    }

    public IpvsadmEnv withDebianRelease(boolean debian) {
        return new IpvsadmEnv(kernel, resolver, programName, debian);
    }

    /** Largest weight {@code -w} accepts. */
    int maxWeight() {
        return debianRelease ? Integer.MAX_VALUE : 65535;
    }
}
