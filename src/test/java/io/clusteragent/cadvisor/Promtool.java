package io.clusteragent.cadvisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code promtool check metrics} on a page: it must parse (exit 1 is a parse error) and lint clean but for the one
 * finding kubelet's page has too, cAdvisor's {@code container_memory_failcnt}, a counter without {@code _total}
 * (exit 3 lists each finding).
 */
final class Promtool {

    static final Path BINARY = Path.of("/usr/bin/promtool");

    private Promtool() {}

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    static void assertAcceptsAsKubeletsPage(byte[] page) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(BINARY.toString(), "check", "metrics")
                .redirectErrorStream(true)
                .start();
        try (var in = process.getOutputStream()) {
            in.write(page);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("promtool finished")
                .isTrue();
        assertThat(process.exitValue()).as(output).isIn(0, 3);
        List<String> findings = output.lines().filter(line -> !line.isBlank()).toList();
        assertThat(findings)
                .as("lint findings")
                .allMatch(
                        line -> line.equals("container_memory_failcnt counter metrics should have \"_total\" suffix"));
    }
}
