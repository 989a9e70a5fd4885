package org.lvslab.workloads.accesslog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers' predefined log formats, by name, and recognising which of them a log is written
 * in from its first lines. Custom formats cannot be recognised (any field order is possible):
 * they need {@code --log-format}.
 */
public final class AccessLogFormats {
    private AccessLogFormats() {
    }

    /** nginx's built-in {@code combined} (ngx_http_log_module: the format used when none is named). */
    public static final String NGINX_COMBINED =
            "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent \"$http_referer\" \"$http_user_agent\"";
    /** The {@code main} format of the nginx.conf shipped with nginx: combined plus X-Forwarded-For. */
    public static final String NGINX_MAIN = NGINX_COMBINED + " \"$http_x_forwarded_for\"";
    /** Apache httpd.conf's {@code common}. */
    public static final String APACHE_COMMON = "%h %l %u %t \"%r\" %>s %b";
    /** Apache httpd.conf's {@code combined}. */
    public static final String APACHE_COMBINED = APACHE_COMMON + " \"%{Referer}i\" \"%{User-agent}i\"";
    /** Apache httpd.conf's {@code combinedio} (mod_logio byte counts). */
    public static final String APACHE_COMBINEDIO = APACHE_COMBINED + " %I %O";
    /** Debian's apache2.conf {@code vhost_combined} (other_vhosts_access.log). */
    public static final String APACHE_VHOST_COMBINED = "%v:%p %h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"";

    /** A recognised format: the dialect ({@code nginx} or {@code apache}), its name and the format string. */
    public record Guess(String dialect, String name, String format) {
    }

    /** The format string of a predefined name, or the argument itself when it is not a name. */
    public static String resolve(String dialect, String nameOrFormat) {
        if (nameOrFormat == null) {
            return null;
        }
        String n = nameOrFormat.trim();
        if (dialect.equals("nginx")) {
            return switch (n) {
                case "combined" -> NGINX_COMBINED;
                case "main" -> NGINX_MAIN;
                default -> nameOrFormat;
            };
        }
        return switch (n) {
            case "common" -> APACHE_COMMON;
            case "combined" -> APACHE_COMBINED;
            case "combinedio" -> APACHE_COMBINEDIO;
            case "vhost_combined" -> APACHE_VHOST_COMBINED;
            default -> nameOrFormat;
        };
    }

    /**
     * The dialect a {@code --log-format} argument is written in: a predefined name or a string
     * with nginx {@code $variables} or Apache {@code %directives}; null when it cannot be told.
     */
    public static String dialectOf(String logFormat) {
        String n = logFormat.trim();
        if (n.equals("main")) {
            return "nginx";
        }
        if (n.equals("common") || n.equals("combinedio") || n.equals("vhost_combined")) {
            return "apache";
        }
        if (n.equals("combined")) {
            return "nginx"; // nginx's and Apache's combined give the same connections
        }
        boolean dollar = n.matches("(?s).*\\$\\{?[A-Za-z_].*");
        boolean percent = n.matches("(?s).*%[<>!,0-9]*(\\{[^}]*\\})?[a-zA-Z].*");
        if (dollar && !percent) {
            return "nginx";
        }
        if (percent && !dollar) {
            return "apache";
        }
        return null;
    }

    /** Candidates for recognition, most specific first. */
    private static final List<Guess> CANDIDATES = List.of(
            new Guess("apache", "vhost_combined", APACHE_VHOST_COMBINED),
            new Guess("nginx", "combined", NGINX_COMBINED),
            new Guess("apache", "common", APACHE_COMMON));

    /**
     * Which predefined format the complete lines at the start of a log are in, or null. A format
     * is recognised when at least half of the sampled lines (and at least one) fit it with a valid
     * time and numeric client address, so one garbage line in a short log is reported later as a
     * bad record of that format instead of hiding the format; the format most lines fit wins,
     * the more specific one on a tie.
     */
    public static Guess guess(byte[] head) {
        return guess(head, null);
    }

    /** As {@link #guess(byte[])}, restricted to one dialect when {@code dialect} is not null. */
    public static Guess guess(byte[] head, String dialect) {
        List<String> lines = completeLines(head, 5, head.length < org.lvslab.workloads.TraceInput.PEEK);
        if (lines.isEmpty()) {
            return null;
        }
        Guess best = null;
        long bestFits = 0;
        for (Guess g : CANDIDATES) {
            if (dialect != null && !dialect.equals(g.dialect())) {
                continue;
            }
            LogPattern p = g.dialect().equals("nginx") ? LogPattern.nginx(g.format()) : LogPattern.apache(g.format());
            long n = lines.stream().filter(l -> fits(p, l)).count();
            if (n > bestFits) {
                best = g;
                bestFits = n;
            }
        }
        if (best == null && dialect != null) {
            // nginx and Apache combined lines look the same: accept the other dialect's spelling
            LogPattern p = dialect.equals("nginx") ? LogPattern.nginx(NGINX_COMBINED) : LogPattern.apache(APACHE_COMBINED);
            long n = lines.stream().filter(l -> fits(p, l)).count();
            if (n > 0) {
                best = new Guess(dialect, "combined", dialect.equals("nginx") ? NGINX_COMBINED : APACHE_COMBINED);
                bestFits = n;
            }
        }
        return best != null && 2 * bestFits >= lines.size() ? best : null;
    }

    private static boolean fits(LogPattern p, String line) {
        int[] s = new int[p.segments.size()];
        int[] e = new int[p.segments.size()];
        if (!p.fits(line, s, e)) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            LogPattern.Segment seg = p.segments.get(i);
            if (!seg.isField()) {
                continue;
            }
            switch (seg.field()) {
                case CLIENT -> {
                    if (org.lvslab.ipvs.IpAddress.tryParse(line.substring(s[i], e[i])) == null) {
                        return false;
                    }
                }
                case END_CLF -> {
                    if (LogTime.clf(line, s[i], e[i]) < 0) {
                        return false;
                    }
                }
                case START_CLF_BRACKETED -> {
                    if (e[i] - s[i] != 28 || LogTime.clf(line, s[i] + 1, e[i] - 1) < 0) {
                        return false;
                    }
                }
                default -> {
                }
            }
        }
        return true;
    }

    /**
     * Up to {@code max} complete non-blank lines; the last line without a newline only when the
     * head is the {@code whole} input (else it may be cut).
     */
    static List<String> completeLines(byte[] head, int max, boolean whole) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < head.length && out.size() < max; i++) {
            if (head[i] == '\n') {
                int end = i > start && head[i - 1] == '\r' ? i - 1 : i;
                String l = new String(head, start, end - start, StandardCharsets.ISO_8859_1);
                if (!l.isBlank()) {
                    out.add(l);
                }
                start = i + 1;
            }
        }
        if (whole && out.size() < max && start < head.length) {
            String l = new String(head, start, head.length - start, StandardCharsets.ISO_8859_1).strip();
            if (!l.isEmpty()) {
                out.add(l);
            }
        }
        return out;
    }
}
