package org.lvslab.kernellab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lvslab.ipvs.KernelVersion;

/**
 * Maps an upstream kernel version to the Debian bookworm package carrying it, and back.
 *
 * <p>6.12 packages are named after the upstream version ({@code linux-image-6.12.117+deb12-amd64}).
 * 6.1 packages carry a Debian ABI number ({@code linux-image-6.1.0-47-amd64}) that says nothing
 * about the upstream release, so they come from a table read off {@code apt-cache policy}
 * (docs/conformance.md); 6.1.192 has three uploads (-55, -56, -57), -56 is the one the lab was
 * verified on. Kept in step with {@code kernel-lab/kernel-pkg.sh}.
 */
public final class KernelPackages {
    private static final Map<KernelVersion, String> DEBIAN_6_1 = new TreeMap<>();
    private static final Pattern PKG_6_12 = Pattern.compile("linux-image-(6\\.12\\.\\d+)\\+deb12-amd64");

    static {
        put("6.1.170", 47);
        put("6.1.172", 48);
        put("6.1.174", 49);
        put("6.1.176", 50);
        put("6.1.177", 51);
        put("6.1.180", 52);
        put("6.1.187", 53);
        put("6.1.190", 54);
        put("6.1.192", 56);
    }

    private static void put(String v, int abi) {
        DEBIAN_6_1.put(KernelVersion.parse(v), "linux-image-6.1.0-" + abi + "-amd64");
    }

    private KernelPackages() {
    }

    /**
     * An upstream version ({@code 6.12.117}, {@code 6.1.170}) or a package name
     * ({@code linux-image-6.1.0-47-amd64}).
     *
     * @throws IllegalArgumentException naming the known versions when there is no package for it
     */
    public static KernelTarget resolve(String versionOrPackage) {
        String s = versionOrPackage.strip();
        if (s.startsWith("linux-image-")) {
            return new KernelTarget(s, versionOf(s));
        }
        KernelVersion v = KernelVersion.parse(s);
        if (v.isSeries(6, 12)) {
            return new KernelTarget("linux-image-" + v + "+deb12-amd64", v);
        }
        String p = DEBIAN_6_1.get(v);
        if (p == null) {
            throw new IllegalArgumentException("no Debian kernel package known for " + v + " (known 6.1 versions: "
                    + DEBIAN_6_1.keySet() + "; 6.12.N maps to linux-image-6.12.N+deb12-amd64; a package name works too)");
        }
        return new KernelTarget(p, v);
    }

    /** The upstream version of a package: from its name or the table, else from apt-cache. */
    public static KernelVersion versionOf(String pkg) {
        Matcher m = PKG_6_12.matcher(pkg);
        if (m.matches()) {
            return KernelVersion.parse(m.group(1));
        }
        if (pkg.equals("linux-image-6.1.0-55-amd64") || pkg.equals("linux-image-6.1.0-57-amd64")) {
            return KernelVersion.parse("6.1.192");
        }
        for (Map.Entry<KernelVersion, String> e : DEBIAN_6_1.entrySet()) {
            if (e.getValue().equals(pkg)) {
                return e.getKey();
            }
        }
        String candidate = aptCandidate(pkg);
        if (candidate == null) {
            throw new IllegalArgumentException("unknown kernel package " + pkg + " (apt-cache policy knows no candidate)");
        }
        return KernelVersion.parse(candidate); // "6.1.192-2" -> 6.1.192
    }

    private static String aptCandidate(String pkg) {
        try {
            Process p = new ProcessBuilder("apt-cache", "policy", pkg).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            Matcher m = Pattern.compile("Candidate:\\s*(\\d+\\.\\d+\\.\\d+)").matcher(out);
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The four kernels the conformance suite is recorded on, oldest first. */
    public static java.util.List<KernelVersion> suiteKernels() {
        return java.util.List.of(KernelVersion.parse("6.1.170"), KernelVersion.parse("6.1.192"),
                KernelVersion.parse("6.12.100"), KernelVersion.parse("6.12.117"));
    }
}
