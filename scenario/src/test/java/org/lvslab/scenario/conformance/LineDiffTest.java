package org.lvslab.scenario.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineDiffTest {
    @Test
    void identicalOutputsAgree() {
        assertThat(LineDiff.compare("a\nb\n", "a\nb\n").identical()).isTrue();
    }

    @Test
    void firstDifferenceIsShownWithUpToThreeLinesOfContext() {
        Comparison c = LineDiff.compare("1\n2\n3\n4\n5\n6\n", "1\n2\n3\n4\nX\n6\n");
        assertThat(c.identical()).isFalse();
        assertThat(c.detail()).isEqualTo("""
                first difference at output line 5:
                    2
                    3
                    4
                  expected: 5
                  actual:   X
                """);
    }

    @Test
    void missingLinesAndTrailingBlanksAreVisible() {
        assertThat(LineDiff.compare("a\nb\n", "a\n").detail()).contains("actual:   (end of output)");
        assertThat(LineDiff.compare("x  \n", "x\n").detail()).contains("expected: x\u00b7\u00b7");
        assertThat(LineDiff.compare("a\n", "a").detail()).contains("only in their final newline");
    }
}
