package io.clusteragent.fleet;

import io.clusteragent.config.FleetSettings;
import org.apache.kafka.streams.KafkaStreams;

import java.time.Duration;

/** One running analyzer instance: the rules' topology in a {@link KafkaStreams} client. */
public final class FleetAnalyzer implements AutoCloseable {

    /** Long enough to commit the last transaction and leave the group, so that another instance takes over at once. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;

    private FleetAnalyzer(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Builds the analyzer without starting it, so that the caller can install handlers first. */
    public static FleetAnalyzer create(FleetSettings settings, RuleSet rules) {
        FleetTopics topics = new FleetTopics(
                settings.kafka().topic(),
                settings.anomaliesTopic(),
                settings.platformTopic(),
                settings.customerTopic());
        return new FleetAnalyzer(new KafkaStreams(FleetTopology.build(rules, topics), FleetStreamsConfig.of(settings)));
    }

    public KafkaStreams streams() {
        return streams;
    }

    public FleetAnalyzer start() {
        streams.start();
        return this;
    }

    /** Commits what was processed and leaves the group; the windows are kept in their changelog topics. */
    @Override
    public void close() {
        streams.close(CLOSE_TIMEOUT);
    }
}
