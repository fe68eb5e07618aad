package io.clusteragent.detect;

import io.clusteragent.analysis.namespace.IssueType;
import io.clusteragent.analysis.pods.ContainerSnapshot;
import io.clusteragent.analysis.pods.ShortText;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** image_pull_failure: a container waiting because its image cannot be pulled (the namespace report's ImagePullError reasons). */
public final class ImagePullFailureDetector implements Detector {

    private static final Predicate<ContainerSnapshot> PULL_FAILING =
            PodContainers.waitingWith(IssueType.ImagePullError);
    private static final int MESSAGE_LIMIT = 300;

    @Override
    public FindingType type() {
        return FindingType.IMAGE_PULL_FAILURE;
    }

    @Override
    public List<Finding> detect(DetectionInput input) {
        List<Finding> findings = new ArrayList<>();
        for (PodContainers pod : input.podContainers()) {
            List<ContainerSnapshot> failing = pod.matching(PULL_FAILING);
            if (!failing.isEmpty()) {
                findings.add(finding(pod, failing, input));
            }
        }
        return findings;
    }

    private Finding finding(PodContainers pod, List<ContainerSnapshot> failing, DetectionInput input) {
        ContainerSnapshot container = failing.get(0);
        String image = imageOf(pod.pod(), container.name());
        String waitingMessage = ShortText.of(container.waitingMessage(), MESSAGE_LIMIT);
        String message = pod.describe(container) + " cannot pull image " + image + " (" + container.waitingReason()
                + ")" + (waitingMessage.isEmpty() ? "" : ": " + waitingMessage);
        return Finding.of(
                type(),
                IncidentSeverity.HIGH,
                Subject.pod(pod.pod(), input.state()),
                message,
                Details.of()
                        .put("container", container.name())
                        .put("reason", container.waitingReason())
                        .put("image", image)
                        .put("waiting_message", waitingMessage)
                        .put(
                                "containers",
                                failing.stream().map(ContainerSnapshot::name).collect(Collectors.joining(",")))
                        .build());
    }

    private static String imageOf(Pod pod, String containerName) {
        if (pod.getSpec() == null) {
            return "";
        }
        return Stream.concat(pod.getSpec().getInitContainers().stream(), pod.getSpec().getContainers().stream())
                .filter(c -> containerName.equals(c.getName()))
                .map(Container::getImage)
                .findFirst()
                .orElse("");
    }
}
