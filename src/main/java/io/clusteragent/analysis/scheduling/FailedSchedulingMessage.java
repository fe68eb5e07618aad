package io.clusteragent.analysis.scheduling;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kube-scheduler FailedScheduling message, parsed. The common form is
 * {@code 0/5 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: },
 * 4 Insufficient memory. preemption: 0/5 nodes are available: 5 No preemption victims found for incoming pod.};
 * a pre-filter failure drops the counts ({@code 0/3 nodes are available: pod has unbound immediate
 * PersistentVolumeClaims.}) and a few messages have no header at all.
 *
 * @param totalNodes         N of "0/N nodes are available", null without that header
 * @param reasons            why nodes were filtered out, in the scheduler's order
 * @param preemption         the text after "preemption:", null when absent
 * @param preemptionReasons  its reasons, uncategorised: they say why evicting pods would not help
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FailedSchedulingMessage(
        Integer totalNodes, List<SchedulerReason> reasons, String preemption, List<SchedulerReason> preemptionReasons) {

    private static final String PREEMPTION = "preemption:";
    private static final Pattern HEADER =
            Pattern.compile("^(\\d+)/(\\d+) nodes are available(?::\\s*|\\s*$)(.*)$", Pattern.DOTALL);

    public static FailedSchedulingMessage parse(String message) {
        String text = message == null ? "" : message.strip();
        String preemption = null;
        int preemptionAt = preemptionStart(text);
        if (preemptionAt >= 0) {
            preemption = withoutFinalPeriod(
                    text.substring(preemptionAt + PREEMPTION.length()).strip());
            text = text.substring(0, preemptionAt).strip();
        }
        Part main = Part.of(withoutFinalPeriod(text));
        List<SchedulerReason> reasons = ReasonList.parse(main.list(), main.total(), SchedulerReasonPattern::categoryOf);
        List<SchedulerReason> preemptionReasons =
                preemption == null ? null : ReasonList.parse(Part.of(preemption).list(), null, reason -> null);
        return new FailedSchedulingMessage(main.total(), reasons, preemption, preemptionReasons);
    }

    /** The categories a FailedScheduling message names, for any analyzer or detector that only has the text. */
    public static Set<SchedulingFailureCategory> categoriesOf(String failedSchedulingMessage) {
        return parse(failedSchedulingMessage).categories();
    }

    @JsonIgnore
    public Set<SchedulingFailureCategory> categories() {
        Set<SchedulingFailureCategory> categories = EnumSet.noneOf(SchedulingFailureCategory.class);
        reasons.forEach(reason -> categories.add(reason.category()));
        return categories;
    }

    /** Nodes the message says failed for {@code category}, capped at the node total; null when it gives no count. */
    public Integer nodesFailing(SchedulingFailureCategory category) {
        Integer sum = null;
        for (SchedulerReason reason : reasons) {
            if (reason.category() == category && reason.count() != null) {
                sum = (sum == null ? 0 : sum) + reason.count();
            }
        }
        if (sum == null || totalNodes == null) {
            return sum;
        }
        return Math.min(sum, totalNodes);
    }

    private static int preemptionStart(String text) {
        int at = text.indexOf(". " + PREEMPTION);
        if (at >= 0) {
            return at + 2;
        }
        return text.startsWith(PREEMPTION) ? 0 : -1;
    }

    private static String withoutFinalPeriod(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1).strip() : text;
    }

    /** A "0/N nodes are available: ..." section, or a bare reason without the header. */
    private record Part(Integer total, String list) {
        static Part of(String text) {
            Matcher header = HEADER.matcher(text);
            if (header.matches()) {
                return new Part(
                        Integer.valueOf(header.group(2)), header.group(3).strip());
            }
            return new Part(null, text);
        }
    }
}
