package org.lvslab.reports.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs headless Chromium on a copy of a report page that carries a small script: after the load
 * event it counts the page's images and those that failed to decode, and writes both into
 * attributes of {@code <body>}, which {@code --dump-dom} then prints.
 */
public final class HeadlessChromium {
    private static final String CHECK = "<script>window.addEventListener('load',function(){var im=document.images,b=0;"
            + "for(var i=0;i<im.length;i++){if(!im[i].complete||im[i].naturalWidth===0){b++;}}"
            + "document.body.setAttribute('data-images',String(im.length));"
            + "document.body.setAttribute('data-broken',String(b));});</script>";

    private HeadlessChromium() {
    }

    /** {@code /usr/bin/chromium} or a chromium on PATH; null if there is none. */
    public static Path find() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium")) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                for (String name : List.of("chromium", "chromium-browser")) {
                    Path p = Path.of(dir, name);
                    if (Files.isExecutable(p)) {
                        return p;
                    }
                }
            }
        }
        return null;
    }

    /** Returns the DOM after load of {@code page} with the image-check script appended. */
    public static String imageCheck(Path chromium, Path page, Path profileDir) throws IOException, InterruptedException {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        Path checked = page.resolveSibling("chromium-check.html");
        Files.writeString(checked, html.replace("</body>", CHECK + "</body>"), StandardCharsets.UTF_8);
        Files.createDirectories(profileDir);
        Path out = profileDir.resolve("dom.html");
        ProcessBuilder pb = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profileDir.resolve("user-data").toAbsolutePath(), "--virtual-time-budget=10000",
                "--dump-dom", checked.toUri().toString());
        pb.redirectOutput(out.toFile());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 120 s");
        }
        Files.delete(checked);
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
