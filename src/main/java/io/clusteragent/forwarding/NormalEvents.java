package io.clusteragent.forwarding;

import java.util.Set;

/**
 * The edge's first cut: Warning events are forwarded, Normal events only when their reason is on the
 * allowlist (EVENT_NORMAL_ALLOWLIST: node reachability, kills, preemptions), which removes most of the volume.
 * An event of another type is treated as a Warning, so nothing unusual is lost.
 */
final class NormalEvents {

    private final Set<String> allowedReasons;

    NormalEvents(Set<String> allowedReasons) {
        this.allowedReasons = Set.copyOf(allowedReasons);
    }

    boolean forwarded(String type, String reason) {
        return !"Normal".equals(type) || allowedReasons.contains(reason);
    }
}
