package io.clusteragent.publish;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static net.logstash.logback.argument.StructuredArguments.kv;

/** One line per outcome of a delivery, with the keys every incident line carries. */
final class DeliveryLog {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLog.class);
    private static final int MAX_BODY_CHARS = 2_000;

    private DeliveryLog() {}

    /** The service's verdict on the incident, e.g. {@code decision=require_human_approval}. */
    static void accepted(OutgoingIncident incident, int httpStatus, Buffer body, int attempts) {
        JsonObject answer = parse(body);
        LOG.info(
                "agent response {} {} {} {} {} {}",
                kv("decision", answer.getValue("decision")),
                kv("agentMessage", answer.getValue("message")),
                kv("fingerprint", incident.fingerprint()),
                kv("version", incident.version()),
                kv("type", incident.signal().type()),
                kv("resource", incident.signal().resource()),
                kv("severity", incident.signal().severity()),
                kv("httpStatus", httpStatus),
                kv("attempts", attempts),
                kv("answer", text(body)));
    }

    static void refused(OutgoingIncident incident, int httpStatus, Buffer body, int attempts) {
        LOG.warn(
                "agent service refused incident, dropped {} {} {} {} {}",
                kv("httpStatus", httpStatus),
                kv("fingerprint", incident.fingerprint()),
                kv("version", incident.version()),
                kv("type", incident.signal().type()),
                kv("body", text(body)),
                kv("resource", incident.signal().resource()),
                kv("attempts", attempts));
    }

    static void retrying(OutgoingIncident incident, String failure, int attempt, Duration delay) {
        LOG.info(
                "delivery failed, will retry {} {} {} {} {}",
                kv("failure", failure),
                kv("fingerprint", incident.fingerprint()),
                kv("version", incident.version()),
                kv("attempt", attempt),
                kv("retryInMs", delay.toMillis()));
    }

    private static JsonObject parse(Buffer body) {
        try {
            return body.length() == 0 ? new JsonObject() : new JsonObject(body);
        } catch (DecodeException | ClassCastException notAnObject) {
            return new JsonObject();
        }
    }

    private static String text(Buffer body) {
        String text = body.toString();
        return text.length() <= MAX_BODY_CHARS ? text : text.substring(0, MAX_BODY_CHARS) + "…";
    }
}
