package io.clusteragent.analysis.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.EphemeralContainerBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PodDescriberTest {

    static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void secretKeyRefShowsSecretNameAndKeyButNoValue() throws Exception {
        Pod pod = podWith(new ContainerBuilder()
                .withName("app")
                .withImage("shop/payments:1.4.2")
                .addToEnv(new EnvVarBuilder()
                        .withName("DB_PASSWORD")
                        .withNewValueFrom()
                        .withNewSecretKeyRef("password", "payments-db", null)
                        .endValueFrom()
                        .build())
                .addToEnv(new EnvVarBuilder()
                        .withName("LOG_LEVEL")
                        .withValue("info")
                        .build())
                .addToEnv(new EnvVarBuilder()
                        .withName("FEATURES")
                        .withNewValueFrom()
                        .withNewConfigMapKeyRef("features", "payments-config", null)
                        .endValueFrom()
                        .build())
                .addToEnv(new EnvVarBuilder()
                        .withName("POD_NAME")
                        .withNewValueFrom()
                        .withNewFieldRef("v1", "metadata.name")
                        .endValueFrom()
                        .build())
                .addToEnv(new EnvVarBuilder()
                        .withName("MEM_LIMIT")
                        .withNewValueFrom()
                        .withNewResourceFieldRef()
                        .withContainerName("app")
                        .withResource("limits.memory")
                        .endResourceFieldRef()
                        .endValueFrom()
                        .build())
                .addNewEnvFrom()
                .withNewSecretRef("payments-env", null)
                .endEnvFrom()
                .build());

        JsonNode env = JSON.valueToTree(describe(pod)).at("/containers/0/environment");

        assertThat(fieldNames(env.get(0))).containsExactly("name", "source", "secretName", "key");
        assertThat(env.get(0).get("source").asText()).isEqualTo("secret");
        assertThat(env.get(0).get("secretName").asText()).isEqualTo("payments-db");
        assertThat(env.get(0).get("key").asText()).isEqualTo("password");
        assertThat(fieldNames(env.get(1))).containsExactly("name", "source", "value");
        assertThat(env.get(1).get("value").asText()).isEqualTo("info");
        assertThat(fieldNames(env.get(2))).containsExactly("name", "source", "configMapName", "key");
        assertThat(env.get(3).get("path").asText()).isEqualTo("metadata.name");
        assertThat(env.get(4).get("path").asText()).isEqualTo("limits.memory");
        assertThat(JSON.valueToTree(describe(pod)).at("/containers/0/envFrom/0").toString())
                .isEqualTo("{\"type\":\"Secret\",\"name\":\"payments-env\"}");
    }

    @Test
    void lastAppliedConfigurationAnnotationIsDropped() throws Exception {
        Pod pod = podWith(
                new ContainerBuilder().withName("app").withImage("app:1").build());
        pod.getMetadata()
                .setAnnotations(Map.of(
                        "kubectl.kubernetes.io/last-applied-configuration",
                        "{\"spec\":{\"containers\":[{\"env\":[{\"name\":\"API_TOKEN\",\"value\":\"s3cr3t-token\"}]}]}}",
                        "prometheus.io/scrape",
                        "true"));

        PodDescription description = describe(pod);

        assertThat(description.annotations()).containsOnlyKeys("prometheus.io/scrape");
        assertThat(JSON.writeValueAsString(description)).doesNotContain("s3cr3t-token");
    }

    @Test
    void initContainerWithRestartPolicyAlwaysIsMarkedAsSidecar() {
        Pod pod = podWith(
                new ContainerBuilder().withName("app").withImage("app:1").build());
        pod.getSpec()
                .setInitContainers(List.of(
                        new ContainerBuilder()
                                .withName("migrate")
                                .withImage("migrate:1")
                                .build(),
                        new ContainerBuilder()
                                .withName("istio-proxy")
                                .withImage("proxyv2:1.22")
                                .withRestartPolicy("Always")
                                .build()));

        PodDescription description = describe(pod);

        assertThat(description.initContainers())
                .extracting(ContainerDescription::name, ContainerDescription::sidecar)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("migrate", false),
                        org.assertj.core.groups.Tuple.tuple("istio-proxy", true));
        assertThat(description.containers().get(0).sidecar()).isFalse();
    }

    @Test
    void containerStatusIsJoinedByNameAndEmptyLastStateIsAbsent() {
        Pod pod = podWith(
                new ContainerBuilder().withName("app").withImage("app:1").build(),
                new ContainerBuilder()
                        .withName("metrics")
                        .withImage("exporter:1")
                        .build());
        pod.getStatus()
                .setContainerStatuses(List.of(
                        new ContainerStatusBuilder()
                                .withName("metrics")
                                .withReady(true)
                                .withRestartCount(0)
                                .withNewState()
                                .withNewRunning("2026-01-15T10:00:00Z")
                                .endState()
                                .withNewLastState()
                                .endLastState()
                                .build(),
                        new ContainerStatusBuilder()
                                .withName("app")
                                .withReady(false)
                                .withRestartCount(7)
                                .withStarted(false)
                                .withImageID("docker.io/library/app@sha256:abc")
                                .withNewState()
                                .withNewWaiting("back-off 5m0s restarting failed container", "CrashLoopBackOff")
                                .endState()
                                .withNewLastState()
                                .withNewTerminated()
                                .withExitCode(137)
                                .withReason("OOMKilled")
                                .endTerminated()
                                .endLastState()
                                .build()));

        List<ContainerDescription> containers = describe(pod).containers();

        ContainerDescription app = containers.get(0);
        assertThat(app.restartCount()).isEqualTo(7);
        assertThat(app.imageID()).isEqualTo("docker.io/library/app@sha256:abc");
        assertThat(app.state().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(app.lastState().getTerminated().getReason()).isEqualTo("OOMKilled");
        assertThat(containers.get(1).ready()).isTrue();
        assertThat(containers.get(1).lastState()).isNull();
    }

    @Test
    void resourcesArePrintedAsKubectlDoes() {
        Pod pod = podWith(new ContainerBuilder()
                .withName("app")
                .withImage("app:1")
                .withNewResources()
                .addToRequests("cpu", new Quantity("0.25"))
                .addToRequests("memory", new Quantity("134217728"))
                .addToLimits("cpu", new Quantity("2"))
                .addToLimits("memory", new Quantity("1Gi"))
                .addToLimits("nvidia.com/gpu", new Quantity("1"))
                .endResources()
                .build());

        ContainerDescription.Resources resources =
                describe(pod).containers().get(0).resources();

        assertThat(resources.requests()).containsExactly(Map.entry("cpu", "250m"), Map.entry("memory", "128Mi"));
        assertThat(resources.limits())
                .containsEntry("cpu", "2")
                .containsEntry("memory", "1Gi")
                .containsEntry("nvidia.com/gpu", "1");
    }

    @Test
    void mountsAndPortsAreListed() {
        Pod pod = podWith(new ContainerBuilder()
                .withName("app")
                .withImage("app:1")
                .addNewPort()
                .withName("http")
                .withContainerPort(8080)
                .endPort()
                .addNewVolumeMount()
                .withName("config")
                .withMountPath("/etc/app")
                .withReadOnly(true)
                .withSubPath("app.yaml")
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("data")
                .withMountPath("/data")
                .endVolumeMount()
                .build());

        ContainerDescription app = describe(pod).containers().get(0);

        assertThat(app.ports()).containsExactly(new ContainerDescription.Port("http", 8080, "TCP", null));
        assertThat(app.mounts())
                .containsExactly(
                        new ContainerDescription.Mount("config", "/etc/app", true, "app.yaml"),
                        new ContainerDescription.Mount("data", "/data", false, null));
    }

    @Test
    void ephemeralContainersAreShownWithTheirTargetOnlyWhenPresent() throws Exception {
        Pod pod = podWith(
                new ContainerBuilder().withName("app").withImage("app:1").build());
        assertThat(JSON.valueToTree(describe(pod)).has("ephemeralContainers")).isFalse();

        pod.getSpec()
                .setEphemeralContainers(List.of(new EphemeralContainerBuilder()
                        .withName("debugger-x7k2p")
                        .withImage("busybox:1.36")
                        .withTargetContainerName("app")
                        .build()));

        assertThat(describe(pod).ephemeralContainers())
                .singleElement()
                .satisfies(c -> assertThat(c.targetContainerName()).isEqualTo("app"));
    }

    @Test
    void eventsFromBothApisAreMappedAndListedOldestFirst() {
        Pod pod = podWith(
                new ContainerBuilder().withName("app").withImage("app:1").build());
        Event kubeletBackOff = new EventBuilder()
                .withType("Warning")
                .withReason("BackOff")
                .withMessage("Back-off restarting failed container app in pod api-0_shop(uid)")
                .withCount(42)
                .withFirstTimestamp("2026-01-15T09:00:00Z")
                .withLastTimestamp("2026-01-15T11:58:00Z")
                .withNewSource()
                .withComponent("kubelet")
                .withHost("worker-1")
                .endSource()
                .build();
        Event schedulerEvent = new EventBuilder()
                .withType("Warning")
                .withReason("FailedScheduling")
                .withMessage("0/6 nodes are available: 6 Insufficient memory.")
                .withEventTime(new MicroTime("2026-01-15T08:00:00.000000Z"))
                .withNewSeries()
                .withCount(17)
                .withLastObservedTime(new MicroTime("2026-01-15T08:40:00.000000Z"))
                .endSeries()
                .withReportingComponent("default-scheduler")
                .withReportingInstance("default-scheduler-control-plane-1")
                .build();

        List<EventDescription> events = PodDescriber.describe(pod, List.of(kubeletBackOff, schedulerEvent), NOW)
                .events();

        assertThat(events)
                .containsExactly(
                        new EventDescription(
                                "Warning",
                                "FailedScheduling",
                                "0/6 nodes are available: 6 Insufficient memory.",
                                Instant.parse("2026-01-15T08:00:00Z"),
                                Instant.parse("2026-01-15T08:40:00Z"),
                                17,
                                "default-scheduler/default-scheduler-control-plane-1",
                                "3h20m"),
                        new EventDescription(
                                "Warning",
                                "BackOff",
                                "Back-off restarting failed container app in pod api-0_shop(uid)",
                                Instant.parse("2026-01-15T09:00:00Z"),
                                Instant.parse("2026-01-15T11:58:00Z"),
                                42,
                                "kubelet/worker-1",
                                "2m"));
    }

    @Test
    void podLevelFieldsCarryTheSeedNames() throws Exception {
        Pod pod = podWith(
                new ContainerBuilder().withName("app").withImage("app:1").build());
        pod.getMetadata().setCreationTimestamp("2026-01-12T08:00:00Z");
        pod.getMetadata()
                .setOwnerReferences(List.of(new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder()
                        .withKind("ReplicaSet")
                        .withName("api-7d9f8b6c5d")
                        .withController(true)
                        .build()));
        pod.getStatus().setPhase("Running");
        pod.getStatus().setPodIP("10.244.1.5");
        pod.getStatus().setStartTime("2026-01-12T08:00:03Z");

        JsonNode json = JSON.valueToTree(describe(pod));

        assertThat(fieldNames(json))
                .containsExactly(
                        "name",
                        "namespace",
                        "uid",
                        "labels",
                        "annotations",
                        "creationTimestamp",
                        "age",
                        "ownerReferences",
                        "serviceAccount",
                        "status",
                        "node",
                        "qosClass",
                        "priority",
                        "priorityClassName",
                        "tolerations",
                        "nodeSelector",
                        "conditions",
                        "containers",
                        "initContainers",
                        "volumes",
                        "events");
        assertThat(json.get("age").asText()).isEqualTo("3d4h");
        assertThat(json.at("/ownerReferences/0").toString())
                .isEqualTo("{\"kind\":\"ReplicaSet\",\"name\":\"api-7d9f8b6c5d\",\"controller\":true}");
        assertThat(fieldNames(json.get("status")))
                .containsExactly(
                        "phase", "reason", "message", "podIP", "podIPs", "hostIP", "nominatedNodeName", "startTime");
        assertThat(json.at("/status/startTime").asText()).isEqualTo("2026-01-12T08:00:03Z");
        assertThat(fieldNames(json.at("/containers/0")))
                .contains(
                        "name",
                        "image",
                        "imageID",
                        "state",
                        "lastState",
                        "ready",
                        "started",
                        "restartCount",
                        "resources",
                        "ports",
                        "environment",
                        "envFrom",
                        "mounts",
                        "probes");
    }

    static PodDescription describe(Pod pod) {
        return PodDescriber.describe(pod, List.of(), NOW);
    }

    static Pod podWith(io.fabric8.kubernetes.api.model.Container... containers) {
        return new PodBuilder()
                .withNewMetadata()
                .withName("api-0")
                .withNamespace("shop")
                .withUid("0b7d3c1e")
                .endMetadata()
                .withNewSpec()
                .withContainers(containers)
                .withNodeName("worker-1")
                .endSpec()
                .withNewStatus()
                .endStatus()
                .build();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
