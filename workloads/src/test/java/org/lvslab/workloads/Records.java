package org.lvslab.workloads;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: drain a source, locate sample files. */
public final class Records {
    private Records() {
    }

    public static List<ConnectionRecord> readAll(ConnectionSource src) throws IOException {
        List<ConnectionRecord> out = new ArrayList<>();
        ConnectionRecord r = new ConnectionRecord();
        while (src.next(r)) {
            out.add(r.copy());
        }
        return out;
    }

    public static Path sample(String name) {
        try {
            return Path.of(Records.class.getResource("/samples/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static InputStream stream(byte[] b) {
        return new java.io.ByteArrayInputStream(b);
    }
}
