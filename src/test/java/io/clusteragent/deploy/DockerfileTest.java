package io.clusteragent.deploy;

import io.clusteragent.config.Setting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs in CI, so the image is checked as text: built from source with the
 * README's command, run as nobody on a JRE 17, with the container-aware JVM flags, exposing the
 * agent's port.
 */
class DockerfileTest {

    private List<String> instructions;

    @BeforeEach
    void read() throws IOException {
        // One instruction per logical line: continuations joined, comments dropped.
        String text = Files.readString(Path.of("build/Dockerfile")).replaceAll("\\\\\\n\\s*", " ");
        instructions = text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    @Test
    void buildsTheJarFromSourceInAMavenStage() {
        assertThat(instructions).first().asString().startsWith("FROM maven:3-eclipse-temurin-17 AS build");
        assertThat(instructions)
                .anySatisfy(line -> assertThat(line).startsWith("RUN ").endsWith("mvn -B -q package -DskipTests"));
        assertThat(instructions).contains("COPY --from=build /src/target/cluster-agent.jar /app/cluster-agent.jar");
    }

    @Test
    void runsOnAJre17AsNobody() {
        List<String> stages =
                instructions.stream().filter(line -> line.startsWith("FROM ")).toList();

        assertThat(stages).hasSize(2);
        assertThat(stages.get(1)).matches("FROM (gcr\\.io/distroless/java17\\S*|eclipse-temurin:17-jre\\S*)");
        assertThat(last("USER ")).isEqualTo("USER 65534:65534");
    }

    @Test
    void exposesThePortTheAgentListensOnByDefault() {
        assertThat(last("EXPOSE ")).isEqualTo("EXPOSE " + Setting.PORT.defaultValue());
    }

    @Test
    void sizesTheHeapFromTheContainerAndExitsOnOutOfMemory() {
        assertThat(last("ENTRYPOINT "))
                .isEqualTo(
                        "ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\", \"-XX:+ExitOnOutOfMemoryError\", \"-jar\", \"/app/cluster-agent.jar\"]");
    }

    @Test
    void carriesOciLabels() {
        String labels = String.join(
                " ",
                instructions.stream().filter(line -> line.startsWith("LABEL ")).toList());

        assertThat(labels)
                .contains(
                        "org.opencontainers.image.title=",
                        "org.opencontainers.image.version=",
                        "org.opencontainers.image.revision=");
    }

    @Test
    void theBuildContextHoldsOnlyThePomAndTheSources() throws IOException {
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();

        assertThat(ignored).containsExactly("*", "!pom.xml", "!src/", "**/target/");
    }

    private String last(String instruction) {
        return instructions.stream()
                .filter(line -> line.startsWith(instruction))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no " + instruction.strip() + " in build/Dockerfile"));
    }
}
