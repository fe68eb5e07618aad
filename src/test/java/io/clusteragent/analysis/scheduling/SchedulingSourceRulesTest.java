package io.clusteragent.analysis.scheduling;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Analysis stays pure: no Vert.x, no API client, and time only from the caller. */
class SchedulingSourceRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"src/main/java/io/clusteragent/analysis/scheduling", "src/main/java/io/clusteragent/analysis/resources"})
    void analysisSourcesImportNeitherVertxNorTheClientAndNeverReadTheClock(String directory) throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(Path.of(directory))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            assertThat(Files.readString(source)).as(source.toString())
                    .doesNotContain("import io.vertx", "import io.fabric8.kubernetes.client", "Instant.now()", "Clock.system");
        }
    }
}
