package io.clusteragent.forwarding;

import io.clusteragent.config.KafkaSettings;

import java.util.Map;

/**
 * The producer's properties: KAFKA_PROPERTIES_FILE first, then the settings, then what forwarding
 * without loss or duplicates needs, which nothing overrides: idempotence (a retried send is written
 * once) and acknowledgement by every in-sync replica.
 */
final class ProducerConfig {

    private ProducerConfig() {}

    static Map<String, Object> of(KafkaSettings kafka, String clusterId) {
        Map<String, Object> config = kafka.clientProperties();
        config.putIfAbsent("client.id", "cluster-agent-" + clusterId);
        config.put("enable.idempotence", "true");
        config.put("acks", "all");
        // Idempotence keeps order with at most 5 requests in flight per connection.
        String inFlight = String.valueOf(config.getOrDefault("max.in.flight.requests.per.connection", "5"));
        if (Integer.parseInt(inFlight.strip()) > 5) {
            config.put("max.in.flight.requests.per.connection", "5");
        }
        return config;
    }
}
