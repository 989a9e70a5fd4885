package org.lvslab.reports.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void keepsMemberOrderAndEscapesStrings() {
        String s = new Json().beginObject()
                .member("z", 1).member("a", "q\"uote\n")
                .name("list").beginArray().value(1.5).value(Double.NaN).endArray()
                .name("empty").beginObject().endObject()
                .endObject().toString();
        assertThat(s).isEqualTo("""
                {
                  "z": 1,
                  "a": "q\\"uote\\n",
                  "list": [
                    1.5,
                    null
                  ],
                  "empty": {}
                }
                """);
    }
}
