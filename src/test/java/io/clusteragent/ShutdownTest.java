package io.clusteragent;

import io.clusteragent.testing.AgentProcess;
import io.clusteragent.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent as a process, stopped the way Kubernetes stops it: SIGTERM, then a grace period. */
class ShutdownTest {

    private static final Pattern SERVING = Pattern.compile("serving the API on port (\\d+)");
    private static final String NAMESPACE_ERRORS = "/api/v1/namespace/shop/error";

    @Test
    void onSigtermTheAgentDrainsAnswersEveryRequestAndExitsZero(@TempDir Path spool) throws Exception {
        List<String> args = new ArrayList<>(AgentProcess.DEMO);
        args.addAll(List.of(
                "--drain-period",
                "3s",
                "--shutdown-timeout",
                "5s",
                "--request-timeout",
                "30s",
                "--poll-interval",
                "1h",
                "--spool-dir",
                spool.toString()));
        Process agent = AgentProcess.builder(args).start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(agent, output, port));
        reader.start();
        try {
            int api = port.get(90, TimeUnit.SECONDS);
            try (RawClient keptAlive = RawClient.connect(api)) {
                assertThat(keptAlive
                                .send(RawClient.get(NAMESPACE_ERRORS))
                                .read()
                                .status())
                        .isEqualTo(200);

                // SIGTERM; Process.destroy() would also close the pipe the agent logs to.
                agent.toHandle().destroy();
                int readiness = awaitNotReady(api);
                RawClient.Answer onKeptAlive =
                        keptAlive.send(RawClient.get(NAMESPACE_ERRORS)).read();
                RawClient.Answer onNewConnection = getOnce(api, NAMESPACE_ERRORS);

                assertThat(readiness).isEqualTo(503);
                assertThat(onKeptAlive.status()).isEqualTo(200);
                assertThat(onKeptAlive.header("Connection")).isEqualTo("close");
                assertThat(onNewConnection.status()).isEqualTo(200);
            }
            assertThat(agent.waitFor(20, TimeUnit.SECONDS))
                    .as("exited within the drain period and the shutdown timeout")
                    .isTrue();
            reader.join(5000);
            assertThat(agent.exitValue()).as(String.join("\n", output)).isZero();
            assertThat(output).anyMatch(line -> line.contains("Main - stopped"));
        } finally {
            agent.destroyForcibly();
        }
    }

    /** The readiness status once it is no longer 200, asked on a new connection each time as a kubelet does. */
    private static int awaitNotReady(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        int status = getOnce(port, "/readyz").status();
        while (status == 200 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = getOnce(port, "/readyz").status();
        }
        return status;
    }

    private static RawClient.Answer getOnce(int port, String path) throws Exception {
        try (RawClient client = RawClient.connect(port)) {
            return client.send(RawClient.get(path)).read();
        }
    }

    /** Collects the agent's output and completes {@code port} once the agent has started: from then on SIGTERM drains. */
    private static void read(Process agent, List<String> output, CompletableFuture<Integer> port) {
        int servingOn = 0;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                Matcher serving = SERVING.matcher(line);
                if (serving.find()) {
                    servingOn = Integer.parseInt(serving.group(1));
                }
                if (line.contains("Main - started")) {
                    port.complete(servingOn);
                }
            }
        } catch (Exception e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(
                new IllegalStateException("the agent exited before serving: " + String.join("\n", output)));
    }
}
