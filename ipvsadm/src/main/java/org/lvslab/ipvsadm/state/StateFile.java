package org.lvslab.ipvsadm.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvs.KernelVersion;

/**
 * The simulated kernel's table between {@code lvslab ipvsadm} invocations. {@link #open} takes a
 * lock on {@code FILE.lock} (exclusive for invocations that may change the table, shared for
 * listings), so concurrent invocations run one after another; {@link Session#commit} writes a new
 * version atomically: temporary file in the same directory, fsync, rename over the old file,
 * fsync of the directory. A file that cannot be read back is an error naming it; it is never
 * overwritten silently.
 */
public final class StateFile {
    private final Path path;

    public StateFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /**
     * The file {@code lvslab ipvsadm} uses: {@code $LVSLAB_STATE}, else
     * {@code $XDG_STATE_HOME/lvslab/ipvsadm.state}, else {@code ~/.local/state/lvslab/ipvsadm.state}.
     */
    public static Path defaultPath(Map<String, String> environment, String userHome) {
        String explicit = environment.get("LVSLAB_STATE");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        String xdg = environment.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(userHome, ".local", "state");
        return base.resolve("lvslab").resolve("ipvsadm.state");
    }

    /** An open state: the table plus the lock that keeps other invocations out until {@link #close}. */
    public final class Session implements AutoCloseable {
        private final FileChannel lockChannel;
        private final FileLock lock;
        private final IpvsTable table;
        private final String loaded;

        private Session(FileChannel lockChannel, FileLock lock, IpvsTable table, String loaded) {
            this.lockChannel = lockChannel;
            this.lock = lock;
            this.table = table;
            this.loaded = loaded;
        }

        public IpvsTable table() {
            return table;
        }

        /** Writes the table if it differs from what was loaded (needs an exclusive session). */
        public void commit() throws StateException {
            String now = StateCodec.encode(table);
            if (now.equals(loaded)) {
                return;
            }
            if (lock.isShared()) {
                throw new IllegalStateException("commit needs an exclusive session");
            }
            write(now);
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                lockChannel.close();
            }
        }
    }

    /**
     * Locks the state and loads it; a missing file is an empty table of {@code kernel} (or the
     * newest kernel). {@code kernel} non-null and different from the recorded kernel rebuilds the
     * recorded configuration on that kernel.
     */
    public Session open(boolean exclusive, KernelVersion kernel) throws StateException {
        Path dir = path.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StateException(dir + ": cannot create the state directory (" + e.getMessage() + ")", e);
        }
        Path lockPath = path.resolveSibling(path.getFileName() + ".lock");
        FileChannel ch;
        FileLock lock;
        try {
            ch = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StateException(lockPath + ": cannot open the lock file (" + e.getMessage() + ")", e);
        }
        try {
            lock = ch.lock(0, Long.MAX_VALUE, !exclusive);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new StateException(lockPath + ": cannot lock (" + e.getMessage() + ")", e);
        }
        try {
            String text;
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                text = null;
            } catch (IOException e) {
                throw new StateException(path + ": cannot read the state file (" + e.getMessage() + ")", e);
            }
            IpvsTable table;
            String loaded;
            // No file, or an empty one (as mktemp(1) makes): an empty table, written on the first change.
            if (text == null || text.isBlank()) {
                table = StateCodec.newTable(kernel != null ? kernel : KernelVersion.NEWEST);
                loaded = StateCodec.encode(table);
            } else {
                table = StateCodec.decode(text, path.toString(), kernel);
                loaded = text;
            }
            return new Session(ch, lock, table, loaded);
        } catch (StateException | RuntimeException e) {
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel releases it anyway
            }
            closeQuietly(ch);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    private void write(String text) throws StateException {
        Path tmp = path.resolveSibling("." + path.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new StateException(path + ": the file system cannot replace the state file atomically", e);
            }
            try (FileChannel dir = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException ignored) {
                // some file systems cannot sync a directory; the rename itself is atomic
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
            throw new StateException(path + ": cannot write the state file (" + e.getMessage() + ")", e);
        }
    }
}
