package io.clusteragent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Analysis stays pure: it takes cached objects and a clock from its caller, so it can be tested with
 * plain objects and reused by any part of the agent. Only {@code cluster} talks to the API server,
 * and only {@code Main} reads the environment.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/io/clusteragent");
    private static final Path RUNTIME = SOURCES.resolve("detect/run");

    @ParameterizedTest
    @ValueSource(strings = {"analysis", "detect", "quantity"})
    void pureCodeImportsNeitherVertxNorTheClientAndNeverReadsTheClock(String pkg) throws IOException {
        // detect/run is the detectors' Vert.x runtime; the rules themselves stay pure.
        List<Path> sources = javaFiles(SOURCES.resolve(pkg)).stream().filter(p -> !p.startsWith(RUNTIME)).toList();
        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            assertThat(Files.readString(source)).as(source.toString())
                    .doesNotContain("import io.vertx", "import io.fabric8.kubernetes.client", "Instant.now()", "Clock.system",
                            "System.currentTimeMillis");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"analysis", "api", "config", "detect", "health", "publish", "quantity"})
    void onlyTheClusterPackageUsesTheKubernetesClient(String pkg) throws IOException {
        for (Path source : javaFiles(SOURCES.resolve(pkg))) {
            assertThat(Files.readString(source)).as(source.toString()).doesNotContain("import io.fabric8.kubernetes.client");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"analysis", "api", "cluster", "config", "detect", "health", "publish", "quantity"})
    void onlyMainReadsTheEnvironment(String pkg) throws IOException {
        for (Path source : javaFiles(SOURCES.resolve(pkg))) {
            assertThat(Files.readString(source)).as(source.toString()).doesNotContain("System.getenv");
        }
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
