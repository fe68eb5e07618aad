package io.clusteragent.fleet;

import io.clusteragent.config.ConfigException;
import io.clusteragent.config.FleetSettings;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code cluster-agent fleet}: runs the analyzer until SIGTERM. More instances with the same application id share
 * the partitions; one that fails stops with exit code 1 so that its Deployment restarts it, and its windows are
 * restored from their changelog topics by whichever instance takes its partitions over.
 */
public final class FleetCommand {

    private FleetCommand() {}

    /** @return the process exit code: 0 after a clean stop, 1 after a failure, 2 for unusable configuration */
    public static int run(Map<String, String> env, List<String> args) {
        FleetSettings settings;
        RuleSet rules;
        try {
            settings = FleetSettings.fromMap(env, args);
            rules = RuleFile.load(settings.rulesFile());
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("cluster-agent fleet: configuration error: " + e.getMessage());
            return 2;
        }
        System.setProperty("cluster-agent.log.level", settings.logLevel());
        System.setProperty("cluster-agent.log.format", settings.logFormat());
        Logger log = LoggerFactory.getLogger(FleetCommand.class);
        log.info(
                "starting fleet analyzer: {} rules={}",
                settings,
                rules.rules().stream().map(Rule::name).toList());

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean failed = new AtomicBoolean();
        Optional<AgentServiceRelay> relay;
        try {
            relay = settings.agentService()
                    .map(publish -> AgentServiceRelay.start(settings, publish, () -> {
                        failed.set(true);
                        stopped.countDown();
                    }));
        } catch (IllegalStateException e) {
            log.error("cannot relay anomalies to the Agent Service: {}", e.getMessage());
            return 1;
        }
        FleetAnalyzer analyzer = FleetAnalyzer.create(settings, rules);
        KafkaStreams streams = analyzer.streams();
        streams.setUncaughtExceptionHandler(failure -> {
            log.error("fleet analyzer failed: {}", failure.toString(), failure);
            failed.set(true);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((next, previous) -> {
            log.info("fleet analyzer {} -> {}", previous, next);
            if (next == KafkaStreams.State.NOT_RUNNING || next == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down fleet analyzer");
            analyzer.close();
            relay.ifPresent(AgentServiceRelay::close);
        }));
        analyzer.start();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        analyzer.close();
        relay.ifPresent(AgentServiceRelay::close);
        return failed.get() ? 1 : 0;
    }
}
