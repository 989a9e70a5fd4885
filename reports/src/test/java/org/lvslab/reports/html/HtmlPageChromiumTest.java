package org.lvslab.reports.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvslab.reports.ReportWriter;
import org.lvslab.reports.SampleReportsAccess;

/** Opens a written report in headless Chromium and checks that every image decodes. */
class HtmlPageChromiumTest {
    @TempDir
    Path tmp;

    @Test
    void reportRendersInHeadlessChromiumWithNoBrokenImages() throws Exception {
        Path chromium = HeadlessChromium.find();
        assumeTrue(chromium != null, "chromium not installed (apt-get install chromium)");
        Path index = ReportWriter.write(SampleReportsAccess.report(), tmp.resolve("report"));
        String dom = HeadlessChromium.imageCheck(chromium, index, tmp.resolve("profile"));
        Matcher images = Pattern.compile("data-images=\"(\\d+)\"").matcher(dom);
        Matcher broken = Pattern.compile("data-broken=\"(\\d+)\"").matcher(dom);
        assertThat(images.find()).as("the check script ran; dom: %s", dom.length() > 400 ? dom.substring(0, 400) : dom).isTrue();
        assertThat(broken.find()).isTrue();
        assertThat(Integer.parseInt(images.group(1))).isEqualTo(7);
        assertThat(broken.group(1)).isEqualTo("0");
        assertThat(dom).contains("Summary");
    }
}
