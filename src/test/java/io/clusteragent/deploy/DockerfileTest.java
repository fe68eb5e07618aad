package io.clusteragent.deploy;

import io.clusteragent.config.Setting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    void runsTheJarAndExitsOnOutOfMemory() {
        assertThat(entrypoint()).startsWith("java").endsWith("-jar /app/cluster-agent.jar");
        assertThat(jvmFlags()).contains("-XX:+ExitOnOutOfMemoryError");
    }

    /**
     * What this JDK makes of the image's flags in the deployments' 512 MiB container: heap and direct memory
     * together leave at least 128 MiB for metaspace, thread stacks and the JIT.
     */
    @Test
    void heapAndDirectMemoryFitTheDeploymentsMemoryLimit() throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:MaxRAM=512m"));
        command.addAll(jvmFlags());
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String flags = new String(java.getInputStream().readAllBytes());
        assertThat(java.waitFor()).as(flags).isZero();

        long heap = flag(flags, "MaxHeapSize");
        long direct = flag(flags, "MaxDirectMemorySize");
        assertThat(heap).isGreaterThanOrEqualTo(200L << 20);
        assertThat(direct).isGreaterThanOrEqualTo(Long.parseLong(Setting.RESPONSE_CACHE_SIZE.defaultValue()) << 20);
        assertThat(heap + direct).isLessThanOrEqualTo(384L << 20);
    }

    private String entrypoint() {
        return last("ENTRYPOINT ")
                .substring("ENTRYPOINT ".length())
                .replaceAll("[\\[\\]\",]", " ")
                .trim()
                .replaceAll(" +", " ");
    }

    private List<String> jvmFlags() {
        return Arrays.stream(entrypoint().split(" "))
                .filter(word -> word.startsWith("-XX:"))
                .toList();
    }

    private static long flag(String flags, String name) {
        Matcher matcher = Pattern.compile("\\b" + name + "\\s+=\\s+(\\d+)").matcher(flags);
        assertThat(matcher.find()).as(name + " in " + flags).isTrue();
        return Long.parseLong(matcher.group(1));
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
