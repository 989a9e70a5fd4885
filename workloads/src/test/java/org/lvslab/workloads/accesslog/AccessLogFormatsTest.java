package org.lvslab.workloads.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AccessLogFormatsTest {
    private static final String COMBINED_1 = "192.0.2.1 - - [01/Dec/2026:07:00:00 +0000] \"GET / HTTP/1.1\" 200 612 \"-\" \"curl/7.88.1\"\n";
    private static final String COMBINED_2 = "192.0.2.2 - - [01/Dec/2026:07:00:01 +0000] \"GET /a HTTP/1.1\" 404 153 \"-\" \"curl/7.88.1\"\n";

    private static AccessLogFormats.Guess guess(String text) {
        return AccessLogFormats.guess(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aShortCombinedLogWithOneGarbageLineIsStillCombined() {
        AccessLogFormats.Guess g = guess(COMBINED_1 + COMBINED_2 + "garbage line\n");
        assertThat(g).isNotNull();
        assertThat(g.name()).isEqualTo("combined");
    }

    @Test
    void aFormatMostSampledLinesDoNotFitIsNotGuessed() {
        assertThat(guess(COMBINED_1 + "garbage one\ngarbage two\n")).isNull();
        assertThat(guess("garbage only\n")).isNull();
    }
}
