package org.lvslab.reports.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotesCellsWithSeparatorsAndQuotes() {
        StringWriter w = new StringWriter();
        new Csv(w).header("a", "b").text("x,y").text("say \"hi\"").end().num(2).num(0.5).end();
        assertThat(w.toString()).isEqualTo("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n2,0.5\n");
    }
}
