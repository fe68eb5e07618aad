package io.clusteragent.analysis.events;

import io.clusteragent.analysis.Rfc3339;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventSeries;
import io.fabric8.kubernetes.api.model.EventSource;
import io.fabric8.kubernetes.api.model.MicroTime;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Kubernetes event reduced to what analysis needs, whichever API wrote it.
 *
 * <p>Components on the events.k8s.io/v1 API (kube-scheduler, newer kubelets) leave the core/v1
 * {@code count}, {@code firstTimestamp} and {@code lastTimestamp} empty and report {@code eventTime}
 * plus a {@code series} for repeats; older writers do the opposite. Both are folded into one
 * count and one first/last-seen pair here, so no rule has to know which API an event came from.
 *
 * @param count     how many times it occurred, at least 1
 * @param firstSeen when it first occurred; never null (falls back to the object's creation time, then to lastSeen)
 * @param lastSeen  when it last occurred; never null
 * @param source    "component/host" of the reporter, or just the component
 */
public record ObservedEvent(
        String type,
        String reason,
        String message,
        int count,
        Instant firstSeen,
        Instant lastSeen,
        String source,
        String involvedKind,
        String involvedName,
        String involvedFieldPath) {

    /** The kubelet's fieldPath for a container: spec.containers{app}, spec.initContainers{init}, spec.ephemeralContainers{debug}. */
    private static final Pattern CONTAINER_FIELD_PATH =
            Pattern.compile("^spec\\.(?:initContainers|containers|ephemeralContainers)\\{([^}]+)}");

    public static ObservedEvent of(Event event) {
        EventSeries series = event.getSeries();
        int count =
                Math.max(1, Math.max(nullToZero(event.getCount()), series == null ? 0 : nullToZero(series.getCount())));
        Instant eventTime = parse(event.getEventTime());
        Instant first = firstNonNull(parse(event.getFirstTimestamp()), eventTime);
        if (first == null && event.getMetadata() != null) {
            first = parse(event.getMetadata().getCreationTimestamp());
        }
        Instant last = firstNonNull(
                series == null ? null : parse(series.getLastObservedTime()),
                parse(event.getLastTimestamp()),
                eventTime,
                first);
        if (last == null) {
            last = Instant.EPOCH;
        }
        if (first == null || first.isAfter(last)) {
            first = last;
        }
        var involved = event.getInvolvedObject();
        return new ObservedEvent(
                event.getType() == null ? "Normal" : event.getType(),
                nullToEmpty(event.getReason()),
                nullToEmpty(event.getMessage()).strip(),
                count,
                first,
                last,
                sourceOf(event),
                involved == null ? null : involved.getKind(),
                involved == null ? null : involved.getName(),
                involved == null ? null : involved.getFieldPath());
    }

    public boolean isWarning() {
        return "Warning".equals(type);
    }

    /** The container the event is about, from its fieldPath; null for pod-level events. */
    public String involvedContainer() {
        if (involvedFieldPath == null) {
            return null;
        }
        Matcher matcher = CONTAINER_FIELD_PATH.matcher(involvedFieldPath);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** False when the event carried no timestamp at all, so first/last seen are placeholders that must not be shown as times. */
    public boolean hasKnownTime() {
        return !Instant.EPOCH.equals(lastSeen);
    }

    private static String sourceOf(Event event) {
        EventSource source = event.getSource();
        String component = source == null ? null : source.getComponent();
        String host = source == null ? null : source.getHost();
        if (component == null || component.isEmpty()) {
            component = event.getReportingComponent();
            host = event.getReportingInstance();
        }
        if (component == null || component.isEmpty()) {
            return "";
        }
        return host == null || host.isEmpty() || host.equals(component) ? component : component + "/" + host;
    }

    private static Instant parse(MicroTime time) {
        return time == null ? null : parse(time.getTime());
    }

    private static Instant parse(String timestamp) {
        return Rfc3339.parse(timestamp);
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static int nullToZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
