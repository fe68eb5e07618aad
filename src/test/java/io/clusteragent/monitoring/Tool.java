package io.clusteragent.monitoring;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Prometheus program on the PATH: Debian's prometheus package brings both (.ci/run installs it). Tests
 * of the rules skip without it, and say so, rather than pass.
 */
enum Tool {
    PROMTOOL("promtool"),
    PROMETHEUS("prometheus");

    private static final long TIMEOUT_SECONDS = 60;

    private final String command;

    Tool(String command) {
        this.command = command;
    }

    boolean installed() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    String missing() {
        return command + " is not on the PATH: install Debian's prometheus package (.ci/run does)";
    }

    ProcessBuilder builder(String... args) {
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(List.of(args));
        return new ProcessBuilder(line).redirectErrorStream(true);
    }

    /** Runs to completion; the exit status and everything it printed. */
    Result run(Path dir, String... args) {
        try {
            Process process = builder(args).directory(dir.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    record Result(int exitStatus, String output) {}
}
