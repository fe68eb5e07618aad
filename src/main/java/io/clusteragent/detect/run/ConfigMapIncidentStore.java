package io.clusteragent.detect.run;

import io.clusteragent.cluster.IncidentConfigMap;
import io.clusteragent.detect.IncidentState;
import io.clusteragent.detect.IncidentStateJson;
import io.clusteragent.detect.IncidentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * The incident state where replicas take turns leading: the JSON document of {@link IncidentStateJson}
 * in the ConfigMap the cluster package keeps, so that the next leader finds what the last one announced.
 */
public final class ConfigMapIncidentStore implements IncidentStore {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigMapIncidentStore.class);

    private final IncidentConfigMap configMap;

    public ConfigMapIncidentStore(IncidentConfigMap configMap) {
        this.configMap = configMap;
    }

    /**
     * An unreadable state is logged and replaced by the next save: detection starts afresh rather than
     * not at all. A failure to reach the API server is not that, and propagates.
     */
    @Override
    public IncidentState load() {
        try {
            Optional<byte[]> document = configMap.load();
            return document.isEmpty() ? IncidentState.EMPTY : IncidentStateJson.read(document.get());
        } catch (IOException unreadable) {
            LOG.error(
                    "unreadable incident state; open incidents will be announced again {}: {}",
                    kv("configMap", describe()),
                    unreadable.toString().lines().findFirst().orElse(""));
            return IncidentState.EMPTY;
        }
    }

    @Override
    public void save(IncidentState state) throws ConflictException {
        try {
            configMap.save(IncidentStateJson.write(state));
        } catch (IncidentConfigMap.ConflictException e) {
            throw new ConflictException(e.getMessage(), e);
        }
    }

    /** Each replica's spool goes with its pod; this ConfigMap stays for the next leader. */
    @Override
    public boolean outlivesTheSpool() {
        return true;
    }

    @Override
    public String describe() {
        return configMap.describe();
    }
}
