package io.clusteragent.publish;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * Incidents in the spool: one version of a fingerprint in delivery at a time, a version offered again
 * after a crash spooled once, resolved notifications dropped first when full.
 */
final class IncidentSpoolCodec implements SpoolCodec<OutgoingIncident> {

    static final IncidentSpoolCodec INSTANCE = new IncidentSpoolCodec();
    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);

    private IncidentSpoolCodec() {}

    @Override
    public byte[] write(OutgoingIncident incident) {
        return PublishJson.spoolRecord(incident);
    }

    @Override
    public OutgoingIncident read(byte[] bytes) throws IOException {
        OutgoingIncident incident = PublishJson.readSpoolRecord(bytes);
        if (incident == null) {
            throw new IOException("the file holds null, not an incident");
        }
        return incident;
    }

    @Override
    public String orderKey(OutgoingIncident incident) {
        return incident.fingerprint();
    }

    @Override
    public String identity(OutgoingIncident incident) {
        return incident.idempotencyKey();
    }

    @Override
    public boolean expendable(OutgoingIncident incident) {
        return incident.resolved();
    }

    @Override
    public void logDropped(OutgoingIncident incident, int maxEntries) {
        LOG.warn(
                "spool full, dropped incident {} {} {} {}",
                kv("fingerprint", incident.fingerprint()),
                kv("version", incident.version()),
                kv("status", incident.resolved() ? "resolved" : "open"),
                kv("spoolMaxEntries", maxEntries));
    }
}
