package io.clusteragent.bench;

import io.clusteragent.auth.AccessControl;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.KubernetesAccessReviews;
import io.clusteragent.cluster.SnapshotLoader;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.testing.RawClient;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * How much an abusive caller costs a well-behaved one: a normal caller's p99 on a kept answer, first on a
 * quiet agent, then while a few hundred connections trickle their headers a byte at a time and one caller
 * floods the agent with wrk. Prints both and their ratio (the goal is at most 2x). The agent runs as
 * deployed (ServedApi) with its default limits and a per-caller rate (RATE_LIMIT_PER_USER, callers told
 * apart by address as with AUTH_MODE=none), and a READ_TIMEOUT of 2 s so slow connections cycle during
 * the run. The normal caller asks at a steady rate within its limit from its own loopback address; the
 * flood comes from 127.0.0.1. Bounded: about 30 s, 300 slow connections, one wrk process.
 *
 * <p>{@code mvn -B -q test -Dtest=AbuseBenchmark -Dsurefire.failIfNoSpecifiedTests=false} (needs Debian's
 * {@code wrk}).
 */
class AbuseBenchmark {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final String KEPT = "/api/v1/namespace/shop/error";
    private static final String FLOODED = "/api/v1/pods/shop/frontend-qccjkq974j-tkb9m/describe";
    private static final int SLOW_CONNECTIONS = Integer.getInteger("bench.slow", 300);
    private static final int FLOOD_CONNECTIONS = Integer.getInteger("bench.flood", 64);
    private static final Duration QUIET = Duration.ofSeconds(Integer.getInteger("bench.quiet", 8));
    private static final Duration ATTACK = Duration.ofSeconds(Integer.getInteger("bench.attack", 12));
    private static final int RATE_LIMIT = Integer.getInteger("bench.rateLimit", 500);
    private static final int CALLER_RATE = Integer.getInteger("bench.callerRate", 250);
    private static final String CALLER_ADDRESS = "127.0.0.2";

    /** How the agent tells callers apart, and what each caller sends to be told apart. */
    private enum Callers {
        /** AUTH_MODE=none: by address; the normal caller binds its own. */
        BY_ADDRESS("AUTH_MODE=none, callers told apart by address", "none", new String[0], List.of()),
        /** AUTH_MODE=kubernetes: by the user the API server's TokenReview names (here: the token itself). */
        BY_USER(
                "AUTH_MODE=kubernetes, callers told apart by user (TokenReview, SubjectAccessReview)",
                "kubernetes",
                new String[] {"Authorization: Bearer well-behaved\r\n"},
                List.of("-H", "Authorization: Bearer flooding"));

        final String title;
        final String mode;
        final String[] callerHeaders;
        final List<String> floodArguments;

        Callers(String title, String mode, String[] callerHeaders, List<String> floodArguments) {
            this.title = title;
            this.mode = mode;
            this.callerHeaders = callerHeaders;
            this.floodArguments = floodArguments;
        }
    }

    @Test
    void measure() throws Exception {
        ClusterState demo = new SnapshotLoader().load(Path.of("examples/demo-cluster.yaml"), NOW);
        System.out.printf(
                "%nAbuse: %d connections sending headers a byte a second (READ_TIMEOUT 2s), wrk -c%d flooding %s%n"
                        + "RATE_LIMIT_PER_USER=%d; normal caller from %s, %d requests/s on one keep-alive connection,"
                        + " GET %s (kept answer)%n",
                SLOW_CONNECTIONS, FLOOD_CONNECTIONS, FLOODED, RATE_LIMIT, CALLER_ADDRESS, CALLER_RATE, KEPT);
        measure(demo, Callers.BY_ADDRESS, (vertx, config) -> AccessControl.of(vertx, config.auth(), null, "127.0.0.1"));
        try (ApiServerReviews reviews = ApiServerReviews.start()) {
            measure(demo, Callers.BY_USER, reviews::accessControl);
        }
    }

    private static void measure(
            ClusterState demo, Callers callers, BiFunction<Vertx, AgentConfig, AccessControl> access) throws Exception {
        AgentConfig config = AgentConfig.fromMap(
                Map.of(
                        "READ_TIMEOUT",
                        "2s",
                        "RATE_LIMIT_PER_USER",
                        Integer.toString(RATE_LIMIT),
                        "AUTH_MODE",
                        callers.mode),
                List.of("--port", "0"));
        try (ServedApi api = ServedApi.start(config, demo, NOW, Optional.empty(), access)) {
            caller(api.port(), callers, Duration.ofSeconds(3)); // warm-up
            double[] quiet = caller(api.port(), callers, QUIET);

            AtomicBoolean attacking = new AtomicBoolean(true);
            SlowHeaders slow = new SlowHeaders(api.port(), attacking);
            Thread trickle = new Thread(slow, "slow-headers");
            trickle.start();
            List<String> wrkCommand = new ArrayList<>(
                    List.of("wrk", "-t1", "-c" + FLOOD_CONNECTIONS, "-d" + (ATTACK.toSeconds() + 2) + "s"));
            wrkCommand.addAll(callers.floodArguments);
            wrkCommand.add("http://127.0.0.1:" + api.port() + FLOODED);
            Process flood =
                    new ProcessBuilder(wrkCommand).redirectErrorStream(true).start();
            Thread.sleep(1000);
            double[] attacked = caller(api.port(), callers, ATTACK);
            String wrk = new String(flood.getInputStream().readAllBytes());
            flood.waitFor(30, TimeUnit.SECONDS);
            attacking.set(false);
            trickle.join(10_000);

            System.out.printf("%n%s%n", callers.title);
            System.out.printf("%-26s %9s %9s %9s %9s %9s%n", "", "requests", "non-200", "p50 ms", "p99 ms", "max ms");
            print("quiet", quiet);
            print("under attack", attacked);
            System.out.printf(
                    "p99 ratio under attack: %.2fx (goal <= 2x)%n", percentile(attacked, 99) / percentile(quiet, 99));
            System.out.printf(
                    "flood: %.2f req/s, %d non-2xx; slow connections opened %d, closed by the agent %d%n",
                    new WrkOutput(wrk).requestsPerSecond(),
                    new WrkOutput(wrk).non2xx(),
                    slow.opened.get(),
                    slow.cutOff.get());
        }
    }

    /**
     * An API server that knows every bearer token as the user of that name and allows everything, as the
     * agent's reviews see it: the reviews are cached, so this answers a handful of requests per run.
     */
    private record ApiServerReviews(KubernetesMockServer server, KubernetesClient client) implements AutoCloseable {

        static ApiServerReviews start() {
            KubernetesMockServer server = new KubernetesMockServer(false);
            server.init();
            server.expect()
                    .post()
                    .withPath("/apis/authentication.k8s.io/v1/tokenreviews")
                    .andReply(201, request -> {
                        TokenReview review = Serialization.unmarshal(request.getUtf8Body(), TokenReview.class);
                        return new TokenReviewBuilder(review)
                                .withNewStatus()
                                .withAuthenticated(true)
                                .withNewUser()
                                .withUsername(review.getSpec().getToken())
                                .withGroups("system:authenticated")
                                .endUser()
                                .endStatus()
                                .build();
                    })
                    .always();
            server.expect()
                    .post()
                    .withPath("/apis/authorization.k8s.io/v1/subjectaccessreviews")
                    .andReply(
                            201,
                            request -> new SubjectAccessReviewBuilder(
                                            Serialization.unmarshal(request.getUtf8Body(), SubjectAccessReview.class))
                                    .withNewStatus()
                                    .withAllowed(true)
                                    .endStatus()
                                    .build())
                    .always();
            return new ApiServerReviews(server, server.createClient());
        }

        AccessControl accessControl(Vertx vertx, AgentConfig config) {
            return AccessControl.kubernetes(vertx, config.auth(), KubernetesAccessReviews.create(vertx, client));
        }

        @Override
        public void close() {
            client.close();
            server.destroy();
        }
    }

    /**
     * The well-behaved caller: {@link #CALLER_RATE} requests a second, one at a time on one connection from its
     * own address, for {@code duration}; latencies in ms, negative for an answer other than 200.
     */
    private static double[] caller(int port, Callers callers, Duration duration)
            throws IOException, InterruptedException {
        List<Double> latencies = new ArrayList<>();
        long interval = TimeUnit.SECONDS.toNanos(1) / CALLER_RATE;
        long next = System.nanoTime();
        long end = next + duration.toNanos();
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(CALLER_ADDRESS, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        try (RawClient client = RawClient.over(socket)) {
            while (next < end) {
                long start = System.nanoTime();
                RawClient.Answer answer =
                        client.send(RawClient.get(KEPT, callers.callerHeaders)).read();
                // A refused or late answer counts as its latency, negated, so that it is reported and not hidden.
                double millis = (System.nanoTime() - start) / 1e6;
                latencies.add(answer.status() == 200 ? millis : -millis);
                next += interval;
                long pause = next - System.nanoTime();
                if (pause > 0) {
                    TimeUnit.NANOSECONDS.sleep(pause);
                }
            }
        }
        return latencies.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Keeps {@link #SLOW_CONNECTIONS} connections sending one header byte a second, reopening the ones cut off. */
    private static final class SlowHeaders implements Runnable {
        private final int port;
        private final AtomicBoolean attacking;
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger cutOff = new AtomicInteger();

        SlowHeaders(int port, AtomicBoolean attacking) {
            this.port = port;
            this.attacking = attacking;
        }

        @Override
        public void run() {
            List<RawClient> clients = new ArrayList<>();
            try {
                while (attacking.get()) {
                    clients.removeIf(this::cutOffWhileSending);
                    while (clients.size() < SLOW_CONNECTIONS && attacking.get()) {
                        clients.add(RawClient.connect(port)
                                .send("GET " + KEPT + " HTTP/1.1\r\nHost: localhost\r\nX-Slow: "));
                        opened.incrementAndGet();
                    }
                    Thread.sleep(1000);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                clients.forEach(SlowHeaders::close);
            }
        }

        private boolean cutOffWhileSending(RawClient client) {
            try {
                client.send("x");
                return false;
            } catch (IOException closed) {
                cutOff.incrementAndGet();
                close(client);
                return true;
            }
        }

        private static void close(RawClient client) {
            try {
                client.close();
            } catch (IOException alreadyClosed) {
                // nothing left to release
            }
        }
    }

    private static void print(String label, double[] latencies) {
        long failed = Arrays.stream(latencies).filter(millis -> millis < 0).count();
        System.out.printf(
                "%-26s %9d %9d %9.2f %9.2f %9.2f%n",
                label,
                latencies.length,
                failed,
                percentile(latencies, 50),
                percentile(latencies, 99),
                percentile(latencies, 100));
    }

    private static double percentile(double[] latencies, int percent) {
        double[] sorted = Arrays.stream(latencies).map(Math::abs).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
    }
}
