package io.clusteragent.detect;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * What the tracker must remember of one incident to carry on where it stopped, after a restart or on
 * the next leader.
 *
 * @param version    the last version notified (or counted, for an unpublished resolution)
 * @param lastNotice the last notification of an open incident: its severity and time drive escalation and
 *                   the cooldown, its finding a resolution notice; null once closed
 * @param closedAt   when the incident resolved; null while open. A closed record keeps only the version,
 *                   so that a reopened incident continues the numbering
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentRecord(int version, Notification lastNotice, Instant closedAt) {

    public IncidentRecord {
        if ((lastNotice == null) == (closedAt == null)) {
            throw new IllegalArgumentException(
                    "an incident record is either open with its last notice or closed with a time");
        }
    }

    public boolean open() {
        return closedAt == null;
    }
}
