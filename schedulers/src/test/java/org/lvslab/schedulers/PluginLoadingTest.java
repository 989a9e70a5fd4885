package org.lvslab.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.Testbed;
import org.lvslab.ipvs.sched.SchedulerProvider;
import org.lvslab.ipvs.sched.SchedulerRegistry;

/**
 * The plug-in mechanism end to end, as docs/writing-a-scheduler.md describes it: the example
 * scheduler's source is compiled against the SPI, packed into a jar with its
 * {@code META-INF/services} entry, and found by {@link SchedulerRegistry#load(ClassLoader)}
 * through a {@link URLClassLoader} over that jar.
 */
class PluginLoadingTest {
    private static final String SOURCE = "/plugin-example/example/first/FirstAvailable.java";

    @TempDir
    Path tmp;

    private Path buildPluginJar() throws IOException {
        Path src = tmp.resolve("src/example/first/FirstAvailable.java");
        Files.createDirectories(src.getParent());
        try (InputStream in = PluginLoadingTest.class.getResourceAsStream(SOURCE)) {
            assertThat(in).as(SOURCE).isNotNull();
            Files.copy(in, src);
        }
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        String spi = Path.of(java.net.URI.create(
                SchedulerProvider.class.getProtectionDomain().getCodeSource().getLocation().toString())).toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK compiler").isNotNull();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-classpath", spi, src.toString());
        assertThat(rc).as("javac exit status").isZero();

        Path jar = tmp.resolve("first-scheduler.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
            j.putNextEntry(new JarEntry("META-INF/services/org.lvslab.ipvs.sched.SchedulerProvider"));
            j.write("example.first.FirstAvailable$Provider\n".getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return jar;
    }

    @Test
    void aSchedulerJarOnTheClassPathIsFoundByNameNextToTheBuiltInOnes() throws IOException {
        Path jar = buildPluginJar();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                PluginLoadingTest.class.getClassLoader())) {
            SchedulerRegistry registry = SchedulerRegistry.load(loader);
            assertThat(registry.all()).extracting(SchedulerProvider::name).contains("first", "rr", "wlc", "mh");
            SchedulerProvider first = registry.find("first");
            assertThat(first.getClass().getClassLoader()).isSameAs(loader);

            Testbed tb = Testbed.tcp(Bench.NEW);
            tb.bind(first);
            RealServer a = tb.add("10.1.0.1:80", 1);
            RealServer b = tb.add("10.1.0.2:80", 1);
            assertThat(tb.schedule("172.16.1.1", 1000)).isSameAs(b);
            tb.setOverloaded(b, true);
            assertThat(tb.schedule("172.16.1.1", 1000)).isSameAs(a);
            tb.setWeight(a, 0);
            assertThat(tb.schedule("172.16.1.1", 1000)).isNull();
        }
    }

    @Test
    void withoutTheJarThePluginIsNotThere() {
        assertThat(SchedulerRegistry.load(PluginLoadingTest.class.getClassLoader()).find("first")).isNull();
    }

    @Test
    void theBuiltInRegistryHasExactlyTheFourteenKernelSchedulers() {
        assertThat(Bench.REGISTRY.all()).extracting(SchedulerProvider::name).containsExactly(
                "dh", "fo", "lblc", "lblcr", "lc", "mh", "nq", "ovf", "rr", "sed", "sh", "twos", "wlc", "wrr");
        for (SchedulerProvider p : Bench.REGISTRY.all()) {
            assertThat(p.name().length()).isLessThanOrEqualTo(15);
        }
        List<String> in61 = Bench.REGISTRY.all().stream().filter(p -> p.availableIn(Bench.CLASSIC))
                .map(SchedulerProvider::name).toList();
        assertThat(in61).doesNotContain("twos").hasSize(13);
    }
}
