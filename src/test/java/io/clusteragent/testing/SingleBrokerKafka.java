package io.clusteragent.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Kafka's own test kit as one KRaft broker in this JVM, its controller apart so that a test can stop
 * and start the broker alone, and every internal topic with the one replica it can have. Test scope
 * only: the agent's jar never carries a broker.
 */
public final class SingleBrokerKafka {

    private SingleBrokerKafka() {}

    /** Formatted, started and ready for clients. */
    public static KafkaClusterTestKit start() throws Exception {
        KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(false)
                        .setNumControllerNodes(1)
                        .setNumBrokerNodes(1)
                        .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kit.format();
        kit.startup();
        kit.waitForReadyBrokers();
        return kit;
    }
}
