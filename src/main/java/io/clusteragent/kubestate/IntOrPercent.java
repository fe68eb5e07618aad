package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.IntOrString;

/** apimachinery's {@code intstr.GetScaledValueFromIntOrPercent}, which rolling-update limits are read with. */
final class IntOrPercent {

    private IntOrPercent() {}

    /**
     * The integer, or the percentage of {@code total} rounded up or down; null where Go returns an error (unset,
     * a string without {@code %}, or a percentage that is not an integer).
     */
    static Integer scaled(IntOrString value, int total, boolean roundUp) {
        if (value == null) {
            return null;
        }
        if (value.getIntVal() != null) {
            return value.getIntVal();
        }
        String text = value.getStrVal();
        if (text == null || !text.endsWith("%")) {
            return null;
        }
        int percent;
        try {
            percent = Integer.parseInt(text.substring(0, text.length() - 1));
        } catch (NumberFormatException e) {
            return null;
        }
        double share = (double) percent * (double) total / 100;
        return (int) (roundUp ? Math.ceil(share) : Math.floor(share));
    }
}
