package io.clusteragent.analysis.scheduling;

import io.clusteragent.analysis.events.ObservedEvent;

import java.util.Optional;
import java.util.regex.Pattern;

import static io.clusteragent.analysis.scheduling.SchedulingFailureCategory.VolumeAttachmentError;
import static io.clusteragent.analysis.scheduling.SchedulingFailureCategory.VolumeMultiAttachError;

/**
 * The one table from a volume event on a pod (written by the attach/detach controller or the kubelet
 * once the pod has a node) to a category. First match wins, so the multi-attach wording, which also
 * arrives as FailedAttachVolume, is tried first.
 */
public enum PodEventPattern {
    MULTI_ATTACH(
            "FailedAttachVolume|FailedMount",
            "multi-attach error|already exclusively attached|volume is already used by",
            VolumeMultiAttachError),
    ATTACH_FAILED("FailedAttachVolume|FailedMapVolume", "", VolumeAttachmentError),
    MOUNT_FAILED(
            "FailedMount",
            "unable to attach or mount|attachvolume\\.attach failed|timed out waiting for the condition",
            VolumeAttachmentError);

    /** The reason that clears earlier attach failures: the volume is on the node now. */
    public static final String ATTACHED = "SuccessfulAttachVolume";

    private final Pattern reason;
    private final Pattern message;
    private final SchedulingFailureCategory category;

    PodEventPattern(String reasonRegex, String messageRegex, SchedulingFailureCategory category) {
        this.reason = Pattern.compile(reasonRegex);
        this.message = Pattern.compile(messageRegex, Pattern.CASE_INSENSITIVE);
        this.category = category;
    }

    public static Optional<SchedulingFailureCategory> categoryOf(ObservedEvent event) {
        for (PodEventPattern row : values()) {
            if (row.reason.matcher(event.reason()).matches()
                    && row.message.matcher(event.message()).find()) {
                return Optional.of(row.category);
            }
        }
        return Optional.empty();
    }

    /** Whether the event is one this table reads, so it can be shown beside the scheduler's events. */
    public static boolean isVolumeEvent(ObservedEvent event) {
        return ATTACHED.equals(event.reason()) || categoryOf(event).isPresent();
    }
}
