package io.clusteragent.fleet;

import io.clusteragent.config.FleetSettings;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;

import java.util.Properties;

/** The Kafka Streams configuration the analyzer runs with. */
public final class FleetStreamsConfig {

    private FleetStreamsConfig() {}

    /** The analyzer's settings over the client properties file, if there is one. */
    public static Properties of(FleetSettings settings) {
        Properties props = new Properties();
        props.putAll(settings.kafka().clientProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streamThreads());
        settings.stateDir().ifPresent(dir -> props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString()));
        return analyzer(props);
    }

    /**
     * What every analyzer needs whatever its connection: exactly-once processing; anomalies out within a commit
     * interval of the record that caused them; windows in memory, never in RocksDB, which is not on the class path;
     * a record that is not an event record logged and skipped rather than stopping the analyzer.
     */
    public static Properties analyzer(Properties props) {
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 10L * 1024 * 1024);
        props.put(
                StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
                BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return props;
    }
}
