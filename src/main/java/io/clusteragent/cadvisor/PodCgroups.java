package io.clusteragent.cadvisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the pod and container cgroups kubelet creates, for either cgroup driver ({@code pkg/kubelet/cm}):
 * {@code CgroupName{"kubepods", qos, "pod"+uid}}, Guaranteed pods directly under {@code kubepods}.
 * <ul>
 *   <li>systemd: {@code /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod<uid>.slice/<runtime>-<id>.scope},
 *       the UID's dashes written as underscores ({@code escapeSystemdCgroupName}); with a kubelet
 *       {@code --cgroup-root} (kind's {@code /kubelet}) one level deeper, {@code kubelet-kubepods.slice};
 *   <li>cgroupfs: {@code /kubepods/burstable/pod<uid>/<id>} (CRI-O: {@code crio-<id>}).
 * </ul>
 * A container cgroup is a directory named by a 64-hex-digit id, as cAdvisor's containerd factory matches it;
 * CRI-O's {@code crio-conmon-<id>.scope} monitors and systemd's {@code .mount} units are not containers.
 */
final class PodCgroups {

    private static final Pattern ANY = Pattern.compile("[^.]+|.+\\.slice");
    private static final Pattern KUBEPODS = Pattern.compile("(?:.+-)?kubepods(?:\\.slice)?");
    private static final Pattern QOS = Pattern.compile("(?:.+-)?(?:burstable|besteffort)(?:\\.slice)?");
    private static final Pattern POD = Pattern.compile(
            "(?:.+-)?pod([0-9a-fA-F]{8}[-_][0-9a-fA-F]{4}[-_][0-9a-fA-F]{4}[-_][0-9a-fA-F]{4}[-_][0-9a-fA-F]{12})"
                    + "(?:\\.slice)?");
    private static final Pattern CONTAINER =
            Pattern.compile("(?:(cri-containerd|crio|docker)-)?([0-9a-f]{64})(?:\\.scope)?");

    /** @param runtime empty for a cgroupfs directory, whose name says nothing of the runtime */
    record ContainerCgroup(String id, String containerId, Optional<Runtime> runtime) {}

    record PodCgroup(String uid, String id, List<ContainerCgroup> containers) {}

    private PodCgroups() {}

    static List<PodCgroup> find(Path hierarchy) {
        List<PodCgroup> pods = new ArrayList<>();
        for (Path kubepods : kubepods(hierarchy)) {
            for (Path qos : directories(kubepods, QOS)) {
                for (Path pod : directories(qos, POD)) {
                    pod(hierarchy, pod).ifPresent(pods::add);
                }
            }
            for (Path pod : directories(kubepods, POD)) {
                pod(hierarchy, pod).ifPresent(pods::add);
            }
        }
        return pods;
    }

    /** The kubepods cgroup at the root or, below a kubelet {@code --cgroup-root}, one level down. */
    private static List<Path> kubepods(Path hierarchy) {
        List<Path> found = new ArrayList<>();
        List<Path> atRoot = directories(hierarchy, KUBEPODS);
        if (!atRoot.isEmpty()) {
            return atRoot;
        }
        for (Path child : directories(hierarchy, ANY)) {
            found.addAll(directories(child, KUBEPODS));
        }
        return found;
    }

    private static Optional<PodCgroup> pod(Path hierarchy, Path dir) {
        Matcher pod = POD.matcher(dir.getFileName().toString());
        if (!pod.matches()) {
            return Optional.empty();
        }
        List<ContainerCgroup> containers = new ArrayList<>();
        for (Path child : directories(dir, CONTAINER)) {
            Matcher container = CONTAINER.matcher(child.getFileName().toString());
            if (container.matches()) {
                containers.add(new ContainerCgroup(
                        id(hierarchy, child),
                        container.group(2),
                        Optional.ofNullable(container.group(1)).flatMap(Runtime::ofScopePrefix)));
            }
        }
        return Optional.of(new PodCgroup(pod.group(1).replace('_', '-'), id(hierarchy, dir), containers));
    }

    /** cAdvisor's container name: the cgroup's path from the hierarchy's root. */
    private static String id(Path hierarchy, Path dir) {
        StringBuilder id = new StringBuilder();
        for (Path part : hierarchy.relativize(dir)) {
            id.append('/').append(part);
        }
        return id.toString();
    }

    /**
     * The subdirectories whose names match, matched before any is looked at (a cgroup holds dozens of files);
     * none when the directory went away while it was listed (a pod being removed).
     */
    private static List<Path> directories(Path dir, Pattern names) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(child ->
                            names.matcher(child.getFileName().toString()).matches())
                    .filter(Files::isDirectory)
                    .sorted()
                    .toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
