package io.clusteragent.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The agent as an operator runs it: Main in a JVM of its own, which a test can kill, its output in a file. */
public final class AgentProcess {

    /** The demo cluster as of when it was dumped, on a free port, logging text. */
    public static final List<String> DEMO = List.of(
            "--snapshot",
            "examples/demo-cluster.yaml",
            "--now",
            "2026-01-15T12:00:00Z",
            "--port",
            "0",
            "--log-format",
            "text");

    private AgentProcess() {}

    /** Started with its output, standard error included, written to {@code output}. */
    public static Process start(List<String> args, Path output) throws IOException {
        return builder(args).redirectOutput(output.toFile()).start();
    }

    /** The command line of the agent with {@code args}, standard error merged into standard output. */
    public static ProcessBuilder builder(List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.clusteragent.Main"));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
