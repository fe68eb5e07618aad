package io.clusteragent.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The agent as an operator runs it: Main in a JVM of its own, which a test can kill, its output in a file. */
final class AgentProcess {

    static final List<String> DEMO = List.of(
            "--snapshot",
            "examples/demo-cluster.yaml",
            "--now",
            "2026-01-15T12:00:00Z",
            "--port",
            "0",
            "--log-format",
            "text");

    private AgentProcess() {}

    static Process start(List<String> args, Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.clusteragent.Main"));
        command.addAll(args);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }
}
