package io.clusteragent.monitoring;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PrometheusRule and the dashboards are rendered, not edited: each checked-in file is what its source
 * renders. {@code -Dmonitoring.render=true} writes them first (after a change to the rules file or to a
 * dashboard's definition).
 */
class GeneratedFilesTest {

    private static final boolean RENDER = Boolean.getBoolean("monitoring.render");

    @TestFactory
    Stream<DynamicTest> everyRenderedFileIsUpToDate() {
        return MonitoringFiles.rendered().entrySet().stream()
                .map(file -> DynamicTest.dynamicTest(
                        file.getKey().toString(), () -> assertUpToDate(file.getKey(), file.getValue())));
    }

    private static void assertUpToDate(Path file, String content) throws IOException {
        if (RENDER) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        }
        assertThat(Files.exists(file))
                .as(file + " is missing: mvn -B -q test -Dtest=GeneratedFilesTest -Dmonitoring.render=true")
                .isTrue();
        assertThat(Files.readString(file))
                .as(file + " differs from what its source renders: edit the source, not this file, then"
                        + " mvn -B -q test -Dtest=GeneratedFilesTest -Dmonitoring.render=true")
                .isEqualTo(content);
    }
}
