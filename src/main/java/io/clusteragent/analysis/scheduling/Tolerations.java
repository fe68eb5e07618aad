package io.clusteragent.analysis.scheduling;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;

import java.util.List;
import java.util.Objects;

/** Toleration matching exactly as Kubernetes does it (k8s.io/api core/v1 Toleration.ToleratesTaint). */
final class Tolerations {

    static final String NO_SCHEDULE = "NoSchedule";
    static final String NO_EXECUTE = "NoExecute";

    private Tolerations() {}

    static boolean tolerates(Toleration toleration, Taint taint) {
        if (!isEmpty(toleration.getEffect()) && !Objects.equals(toleration.getEffect(), taint.getEffect())) {
            return false;
        }
        // An empty key with operator Exists tolerates every taint.
        if (!isEmpty(toleration.getKey()) && !Objects.equals(toleration.getKey(), taint.getKey())) {
            return false;
        }
        String operator = toleration.getOperator();
        if (isEmpty(operator) || "Equal".equals(operator)) {
            return Objects.equals(nullToEmpty(toleration.getValue()), nullToEmpty(taint.getValue()));
        }
        return "Exists".equals(operator);
    }

    static boolean tolerated(Pod pod, Taint taint) {
        return of(pod).stream().anyMatch(t -> tolerates(t, taint));
    }

    static boolean tolerated(Pod pod, String key, String effect) {
        return tolerated(pod, new Taint(effect, key, null, null));
    }

    /** Only these effects keep a pod off a node; PreferNoSchedule merely lowers its score. */
    static boolean filters(Taint taint) {
        return NO_SCHEDULE.equals(taint.getEffect()) || NO_EXECUTE.equals(taint.getEffect());
    }

    /** kubectl's notation: {@code key=value:Effect}, or {@code key:Effect} without a value. */
    static String describe(Taint taint) {
        String value = isEmpty(taint.getValue()) ? "" : "=" + taint.getValue();
        return taint.getKey() + value + ":" + taint.getEffect();
    }

    static List<Toleration> of(Pod pod) {
        return pod.getSpec() == null ? List.of() : pod.getSpec().getTolerations();
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
