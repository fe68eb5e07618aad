package io.clusteragent.monitoring;

import io.clusteragent.testing.AgentProcess;
import io.clusteragent.testing.Eventually;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent on the demo cluster in a JVM of its own, ready: as Prometheus scrapes it in a cluster. */
final class DemoAgent implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("serving the API on port (\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;

    private DemoAgent(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static DemoAgent start(Path dir) throws IOException {
        List<String> args = new ArrayList<>(AgentProcess.DEMO);
        args.addAll(List.of("--spool-dir", dir.resolve("spool").toString()));
        // As the DaemonSet agent of worker-1 runs it, reading the demo's synthetic cgroup tree of that node.
        args.addAll(List.of("--node-name", "worker-1", "--cgroup-root", "examples/cgroup-worker-1"));
        Path output = dir.resolve("agent.log");
        Process process = AgentProcess.start(args, output);
        int[] port = {0};
        try {
            Eventually.assertWithin(START_TIMEOUT, () -> {
                assertThat(process.isAlive()).as(read(output)).isTrue();
                Matcher serving = SERVING.matcher(read(output));
                assertThat(serving.find()).as("the agent serves its API").isTrue();
                port[0] = Integer.parseInt(serving.group(1));
                // Probed as the kubelet probes it, which the rules and the dashboard read back.
                assertThat(readiness(port[0])).as("/readyz").isEqualTo(200);
            });
        } catch (AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
        return new DemoAgent(process, port[0]);
    }

    /** host:port, as Prometheus labels the agent's targets with {@code instance}. */
    String address() {
        return "127.0.0.1:" + port;
    }

    private static int readiness(int port) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static String read(Path output) {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
