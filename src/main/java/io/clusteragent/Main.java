package io.clusteragent;

import io.clusteragent.api.AccessLog;
import io.clusteragent.api.ServerMetricsFactory;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.config.ConfigException;
import io.clusteragent.fleet.FleetCommand;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Composition root: configuration, logging, Vert.x with metrics, then the agent. */
public final class Main {

    /** Enough to write a full access-log queue to a console that keeps up. */
    private static final Duration ACCESS_LOG_FLUSH = Duration.ofSeconds(5);

    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("fleet")) {
            System.exit(FleetCommand.run(System.getenv(), List.of(args).subList(1, args.length)));
        }
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(AgentConfig.usage());
            return;
        }
        AgentConfig config;
        try {
            config = AgentConfig.fromMap(System.getenv(), List.of(args));
        } catch (ConfigException e) {
            System.err.println("cluster-agent: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        // Logback reads these when the first logger is created, which must happen after validation.
        System.setProperty("cluster-agent.log.level", config.logLevel());
        System.setProperty("cluster-agent.log.format", config.logFormat());
        Logger log = LoggerFactory.getLogger(Main.class);
        log.info("starting: {}", config);

        Vertx vertx = Vertx.vertx(vertxOptions());
        if (vertx.isNativeTransportEnabled()) {
            log.info("network transport: epoll");
        } else {
            log.info("network transport: NIO (epoll unavailable: {})", vertx.unavailableNativeTransportCause());
        }
        Agent agent = new Agent(vertx, config);
        agent.start()
                .onSuccess(started -> {
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(agent, vertx, config, log)));
                    log.info("started: SIGTERM drains for {}, then stops", config.drainPeriod());
                })
                .onFailure(failure -> {
                    log.error("start-up failed: {}", failure.getMessage());
                    vertx.close();
                    System.exit(1);
                });
    }

    /** Vert.x as the agent runs it: with its metrics, and on Linux with the epoll transport. */
    public static VertxOptions vertxOptions() {
        return new VertxOptions().setMetricsOptions(metricsOptions()).setPreferNativeTransport(true);
    }

    /**
     * Prometheus registry with per-route HTTP server metrics ({@link ServerMetricsFactory}: every label bounded)
     * and JVM metrics.
     */
    public static MicrometerMetricsOptions metricsOptions() {
        return new MicrometerMetricsOptions()
                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
                .setJvmMetricsEnabled(true)
                .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE))
                .setFactory(new ServerMetricsFactory())
                .setEnabled(true);
    }

    /**
     * Runs on SIGTERM: drains, stops the agent, then ends the process with 0 when everything stopped
     * in time, 1 otherwise. A JVM ended by a signal exits with 128 + the signal however cleanly its
     * hooks finished, and a clean stop must not read as a crash.
     */
    private static void shutdown(Agent agent, Vertx vertx, AgentConfig config, Logger log) {
        log.info(
                "shutting down: draining for {}, then stopping within {}",
                config.drainPeriod(),
                config.shutdownTimeout());
        Duration bound = config.drainPeriod().plus(config.shutdownTimeout());
        boolean clean = false;
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            agent.stop().toCompletionStage().toCompletableFuture().get(bound.toMillis(), TimeUnit.MILLISECONDS);
            // Closed from this thread: a close composed on an event loop would complete on a loop it has just stopped.
            vertx.close()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            log.info("stopped");
            clean = true;
        } catch (TimeoutException e) {
            log.warn(
                    "shutdown did not finish within {} of draining and {} of stopping",
                    config.drainPeriod(),
                    config.shutdownTimeout());
        } catch (ExecutionException e) {
            log.warn("shutdown failed: {}", e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Halting ends the access log's writer thread with the rest: the lines of the last requests go out first.
        AccessLog.flush(ACCESS_LOG_FLUSH);
        Runtime.getRuntime().halt(clean ? 0 : 1);
    }
}
