package org.lvslab.kernellab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Finds the kernel-lab scripts: {@code $LVSLAB_KERNEL_LAB} if set, else a {@code kernel-lab/}
 * directory in the working directory or one of its parents (a clone of the project), else the
 * copies bundled in this jar, unpacked once into {@code $TMPDIR/lvslab-kernel-lab-<hash>/}.
 */
public final class LabScripts {
    /** The scripts a lab run needs (all in one directory). */
    public static final List<String> FILES = List.of("run-ipvs-vm.sh", "run-scenario.sh", "record.sh", "kernel-pkg.sh");
    private static final String RESOURCE_DIR = "/org/lvslab/kernellab/scripts/";

    private LabScripts() {
    }

    public static Path locate() throws IOException {
        String env = System.getenv("LVSLAB_KERNEL_LAB");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            if (!Files.isRegularFile(p.resolve("run-ipvs-vm.sh"))) {
                throw new IOException("LVSLAB_KERNEL_LAB=" + env + ": no run-ipvs-vm.sh there");
            }
            return p;
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path k = d.resolve("kernel-lab");
            if (Files.isRegularFile(k.resolve("run-ipvs-vm.sh")) && Files.isRegularFile(k.resolve("run-scenario.sh"))) {
                return k;
            }
        }
        return unpack();
    }

    private static Path unpack() throws IOException {
        byte[][] contents = new byte[FILES.size()][];
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < FILES.size(); i++) {
            try (InputStream in = LabScripts.class.getResourceAsStream(RESOURCE_DIR + FILES.get(i))) {
                if (in == null) {
                    throw new IOException("kernel-lab script " + FILES.get(i) + " is not bundled and no kernel-lab/ directory was found");
                }
                contents[i] = in.readAllBytes();
                sha.update(contents[i]);
            }
        }
        String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "lvslab-kernel-lab-" + hash);
        if (Files.isRegularFile(dir.resolve(FILES.getLast()))) {
            return dir;
        }
        Path tmp = Files.createTempDirectory(dir.getParent(), "lvslab-kernel-lab-");
        for (int i = 0; i < FILES.size(); i++) {
            Path f = tmp.resolve(FILES.get(i));
            Files.write(f, contents[i]);
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            // another process unpacked the same scripts first: use theirs
            for (String f : FILES) {
                Files.deleteIfExists(tmp.resolve(f));
            }
            Files.deleteIfExists(tmp);
        }
        return dir;
    }
}
