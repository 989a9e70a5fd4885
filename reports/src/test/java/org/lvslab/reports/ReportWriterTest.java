package org.lvslab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path tmp;

    @Test
    void writesDataChartsAndPageForEveryRun() throws IOException {
        Path index = ReportWriter.write(SampleReports.report(), tmp);
        assertThat(index).isEqualTo(tmp.resolve("index.html"));
        for (String f : List.of("summary.json", "summary.csv", "data/wlc/servers.csv", "data/wlc/load.csv",
                "data/wlc/fairness.csv", "data/wlc/events.csv", "data/wlc/latency.csv", "data/mh/load.csv",
                "data/ranking.csv", "winner.ipvsadm", "charts/wlc-load.svg", "charts/wlc-load.png",
                "charts/mh-share.svg", "charts/latency-cdf.png", "charts/fairness.svg", "charts/disruption.png")) {
            assertThat(tmp.resolve(f)).as(f).isNotEmptyFile();
        }
        assertThat(Files.readAllLines(tmp.resolve("data/wlc/load.csv"))).hasSize(1 + 120 * 3)
                .first().isEqualTo("time_s,server,active,inactive,in_service,weight");
        assertThat(Files.readString(tmp.resolve("data/wlc/events.csv"))).contains("60,drain 10.0.0.2:80,");
        byte[] png = Files.readAllBytes(tmp.resolve("charts/wlc-load.png"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void pageIsSelfContainedWithEveryChartInlinedAsValidSvg() throws Exception {
        ReportWriter.write(SampleReports.report(), tmp);
        String html = Files.readString(tmp.resolve("index.html"));
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link");
        assertThat(html.indexOf("id=\"summary\"")).isLessThan(html.indexOf("id=\"load\""));
        Matcher m = Pattern.compile("<img [^>]*src=\"([^\"]*)\"").matcher(html);
        List<String> srcs = new ArrayList<>();
        while (m.find()) {
            srcs.add(m.group(1));
        }
        // load ×2, share ×2, latency, fairness, disruption
        assertThat(srcs).hasSize(7).allMatch(s -> s.startsWith("data:image/svg+xml;base64,"));
        for (String s : srcs) {
            byte[] svg = Base64.getDecoder().decode(s.substring(s.indexOf(',') + 1));
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg));
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        }
    }

    @Test
    void sameReportGivesTheSameBytes() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        ReportWriter.write(SampleReports.report(), a);
        ReportWriter.write(SampleReports.report(), b);
        List<Path> files;
        try (Stream<Path> s = Files.walk(a)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path f : files) {
            Path g = b.resolve(a.relativize(f));
            assertThat(Files.readAllBytes(g)).as(a.relativize(f).toString()).isEqualTo(Files.readAllBytes(f));
        }
    }

    @Test
    void summaryJsonNamesEveryRunAndItsMetrics() throws IOException {
        ReportWriter.write(SampleReports.report(), tmp);
        String json = Files.readString(tmp.resolve("summary.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"label\": \"wlc\"", "\"label\": \"mh\"", "\"jain_mean\": ", "\"latency_p99_s\": ",
                "\"event\": \"drain 10.0.0.2:80\"");
    }
}
