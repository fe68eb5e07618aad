package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotLoaderTest {

    private static final Instant LOADED = Instant.parse("2026-01-15T12:00:00Z");
    private static final Path DEMO = Path.of("examples/demo-cluster.yaml");
    /** A pod of a Deployment as kubectl prints it, some 1,100 bytes; formatted with namespace, name, node, name, node. */
    private static final String POD_AS_KUBECTL_WRITES_IT = """
            - apiVersion: v1
              kind: Pod
              metadata:
                creationTimestamp: "2026-01-15T10:00:00Z"
                generateName: worker-5d8f7c9b4-
                labels:
                  app: worker
                  pod-template-hash: 5d8f7c9b4
                namespace: team-%d
                name: worker-%d
                ownerReferences:
                - apiVersion: apps/v1
                  blockOwnerDeletion: true
                  controller: true
                  kind: ReplicaSet
                  name: worker-5d8f7c9b4
                  uid: 6f1c7a52-8d2e-4c1b-9a57-0c3e5b2f9d11
                resourceVersion: "481516"
                uid: 0d7c2f4e-5a9b-4c3d-8e1f-2a6b7c8d9e0f
              spec:
                containers:
                - env:
                  - name: QUEUE
                    value: jobs
                  image: registry.example.com/team/worker:1.4.2
                  imagePullPolicy: IfNotPresent
                  name: app
                  ports:
                  - containerPort: 8080
                    name: http
                    protocol: TCP
                  resources:
                    limits:
                      memory: 512Mi
                    requests:
                      cpu: 250m
                      memory: 256Mi
                nodeName: node-%d
                restartPolicy: Always
                schedulerName: default-scheduler
                serviceAccountName: default
              status:
                conditions:
                - lastTransitionTime: "2026-01-15T10:00:05Z"
                  status: "True"
                  type: Ready
                containerStatuses:
                - containerID: containerd://%064d
                  image: registry.example.com/team/worker:1.4.2
                  imageID: registry.example.com/team/worker@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
                  name: app
                  ready: true
                  restartCount: 0
                  started: true
                  state:
                    running:
                      startedAt: "2026-01-15T10:00:04Z"
                phase: Running
                podIP: 10.1.7.%d
                qosClass: Burstable
            """;

    private final SnapshotLoader loader = new SnapshotLoader();

    @Test
    void loadsAKubectlListWithMetricsAndIndexesIt() {
        ClusterState state = loader.load(resource("small-list.yaml"), LOADED);

        Pod pod = state.pod("shop", "web-1").orElseThrow();
        assertThat(state.podsOnNode("node-a")).containsExactly(pod);
        assertThat(state.podsInNamespace("shop")).containsExactly(pod);
        assertThat(state.nodeMetrics("node-a")).isPresent();
        assertThat(state.metricsStatus().available()).isTrue();
    }

    @Test
    void eventsOfAnEarlierPodWithTheSameNameAreNotAttributedToIt() {
        ClusterState state = loader.load(resource("small-list.yaml"), LOADED);

        Pod pod = state.pod("shop", "web-1").orElseThrow();
        assertThat(state.eventsFor(pod)).extracting(e -> e.getReason()).containsExactly("Started");
    }

    @Test
    void managedFieldsAreStrippedBeforeCaching() {
        ClusterState state = loader.load(resource("small-list.yaml"), LOADED);

        assertThat(state.node("node-a").orElseThrow().getMetadata().getManagedFields())
                .isNullOrEmpty();
    }

    @Test
    void unknownKindsAreSkipped() {
        ClusterState state = loader.load(resource("small-list.yaml"), LOADED);

        assertThat(state.pods()).hasSize(1);
        assertThat(state.nodes()).hasSize(1);
    }

    @Test
    void readsMultiDocumentYaml() {
        ClusterState state = loader.load(resource("multi-document.yaml"), LOADED);

        assertThat(state.namespace("shop")).isPresent();
        assertThat(state.pod("shop", "web-1")).isPresent();
        assertThat(state.metricsStatus().available()).isFalse();
    }

    @Test
    void readsMetricsListsAppendedFromKubectlGetRaw() {
        ClusterState state = loader.load(resource("with-raw-metrics.yaml"), LOADED);

        assertThat(state.nodeMetrics("node-a")).isPresent();
        assertThat(state.podMetrics("shop", "web-1")).isPresent();
        assertThat(state.metricsStatus().available()).isTrue();
    }

    @Test
    void readsJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("dump.json");
        Files.writeString(json, """
                {"apiVersion": "v1", "kind": "List", "items": [
                  {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "api-0", "namespace": "data"}, "spec": {"containers": []}}
                ]}""");

        assertThat(loader.load(json, LOADED).pod("data", "api-0")).isPresent();
    }

    @Test
    void malformedFileStopsWithTheFileNameAndWhereTheParserStopped() {
        Path file = resource("malformed.yaml");

        assertThatThrownBy(() -> loader.load(file, LOADED))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("cannot parse cluster snapshot " + file)
                .hasMessageContaining("line 6, column")
                .hasMessageContaining("document 1, items[0], line 4")
                .hasMessageNotContaining("\n");
    }

    @Test
    void loadsAYamlDumpLargerThanSnakeYamlsDefaultLimit(@TempDir Path dir) throws Exception {
        Path dump = dir.resolve("dump.yaml");
        try (Writer out = Files.newBufferedWriter(dump)) {
            out.write("apiVersion: v1\nitems:\n");
            for (int i = 0; i < 3_000; i++) {
                out.write(POD_AS_KUBECTL_WRITES_IT.formatted(i % 10, i, i % 10, i, i % 10));
            }
            out.write("kind: List\nmetadata:\n  resourceVersion: \"\"\n");
        }

        ClusterState state = loader.load(dump, LOADED);

        assertThat(Files.size(dump)).isGreaterThan(3L * 1024 * 1024);
        assertThat(state.pods()).hasSize(3_000);
        assertThat(state.pod("team-9", "worker-2999")).isPresent();
        assertThat(state.podsOnNode("node-9")).hasSize(300);
    }

    @Test
    void readsAJsonDumpAsKubectlWritesIt(@TempDir Path dir) throws Exception {
        Path dump = KubectlDump.json(dir.resolve("dump.json"), pods(20));

        assertThat(loader.load(dump, LOADED).pods()).hasSize(20);
    }

    @Test
    void readsJsonDocumentsOneAfterTheOther(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("dump.json");
        Files.writeString(json, """
                {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "node-a"}}
                {"kind":"NodeMetricsList","apiVersion":"metrics.k8s.io/v1beta1","metadata":{},"items":[{"metadata":{"name":"node-a"},"usage":{"cpu":"250m","memory":"2Gi"}}]}
                """);

        ClusterState state = loader.load(json, LOADED);

        assertThat(state.node("node-a")).isPresent();
        assertThat(state.nodeMetrics("node-a")).isPresent();
    }

    @Test
    void readsATopLevelSequenceOfObjects(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("pods.yaml"), """
                - {apiVersion: v1, kind: Node, metadata: {name: node-a}}
                - {apiVersion: v1, kind: Pod, metadata: {name: web-1, namespace: shop}}
                """);

        ClusterState state = loader.load(yaml, LOADED);

        assertThat(state.node("node-a")).isPresent();
        assertThat(state.pod("shop", "web-1")).isPresent();
    }

    @Test
    void aControlCharacterIsReportedWithItsPlace(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(
                dir.resolve("control.yaml"), "apiVersion: v1\nkind: Node\nmetadata:\n  name: node-\u0001a\n");

        assertThatThrownBy(() -> loader.load(yaml, LOADED))
                .isInstanceOf(SnapshotException.class)
                .hasMessage("cannot parse cluster snapshot " + yaml
                        + ": it holds a character YAML does not allow, U+0001 at line 4, column 14."
                        + " kubectl never writes one; is the file damaged?");
    }

    @Test
    void itemsWithoutKindTakeItFromAListThatNamesItAfterThem() {
        ClusterState state = loader.load(resource("list-kind-after-kindless-items.yaml"), LOADED);

        assertThat(state.nodeMetrics("node-a")).isPresent();
    }

    @Test
    void halfTheDemoCutAtALineBoundaryIsReportedAsTruncated(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(DEMO);
        Path cut = Files.write(dir.resolve("half.yaml"), lines.subList(0, lines.size() / 2));

        assertThatThrownBy(() -> loader.load(cut, LOADED))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("cluster snapshot " + cut + " looks truncated")
                .hasMessageContaining("stop at line " + (lines.size() / 2 + 1))
                .hasMessageMatching(
                        "(?s).*The last item read, \\w+ [\\w/.-]+ \\(document 1, items\\[\\d+\\], line \\d+\\),.*");
    }

    @Test
    void halfTheDemoCutAtAByteOffsetIsReportedAsTruncated(@TempDir Path dir) throws Exception {
        byte[] demo = Files.readAllBytes(DEMO);
        Path cut = Files.write(dir.resolve("half.yaml"), Arrays.copyOf(demo, demo.length / 2));

        assertThatThrownBy(() -> loader.load(cut, LOADED))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining(cut.toString())
                .hasMessageContaining("truncated")
                .hasMessageContaining("items[");
    }

    @Test
    void aJsonDumpCutInTheMiddleIsReportedAsTruncatedWithTheLastCompleteObject(@TempDir Path dir) throws Exception {
        byte[] dump = Files.readAllBytes(KubectlDump.json(dir.resolve("dump.json"), pods(10)));
        Path cut = Files.write(dir.resolve("cut.json"), Arrays.copyOf(dump, dump.length / 2));

        assertThatThrownBy(() -> loader.load(cut, LOADED))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("cannot parse cluster snapshot " + cut)
                .hasMessageContaining("it looks truncated")
                .hasMessageContaining("The last value read in full is Pod team-")
                .hasMessageContaining("(document 1, items[");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "hello-world.yaml        | it holds 1 string, the first \"hello world\" at document 1, line 1",
                "comments-only.yaml      | it is empty, or only comments",
                "unknown-kinds-only.yaml | it holds 3 object(s) of kinds the agent does not use (monitoring.coreos.com/v1 ServiceMonitor: 2, v1 ConfigMap: 1)",
                "metrics-only.json       | it holds 1 NodeMetrics",
            })
    void aDumpWithNothingToUseIsNotAnEmptyClusterAndSaysWhatItHolds(String fixture, String holds) {
        Path file = resource(fixture);

        assertThatThrownBy(() -> loader.load(file, LOADED))
                .isInstanceOf(SnapshotException.class)
                .hasMessageStartingWith(
                        "cluster snapshot " + file + " holds no objects the agent uses (Pod, Node, Event,")
                .hasMessageContaining("): " + holds + ". Write it with kubectl get");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "pod-without-metadata.yaml  | Pod (document 1, items[1], line 7): it has no metadata",
                "pod-without-name.yaml      | Pod in namespace shop (document 1, items[1], line 7): metadata.name is missing",
                "pod-without-namespace.yaml | Pod web-1 (document 2, line 6): metadata.namespace is missing, and a Pod lives in a namespace",
                "unreadable-pod.yaml        | Pod shop/web-1 (document 1, line 1): it cannot be read as a Pod: Cannot deserialize value of type `java.util.ArrayList<io.fabric8.kubernetes.api.model.Container>`",
            })
    void anObjectThatCannotBeLookedUpFailsTheLoadNamingItAndWhatIsWrong(String fixture, String problem) {
        Path file = resource(fixture);

        assertThatThrownBy(() -> loader.load(file, LOADED))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining(
                        "cluster snapshot " + file + " holds 1 object(s) the agent cannot use: " + problem);
    }

    @Test
    void aDocumentNestedTwentyThousandDeepNamesTheLimitAndTheLine(@TempDir Path dir) throws Exception {
        Path deep = Files.writeString(
                dir.resolve("deep.yaml"),
                "apiVersion: v1\nkind: Pod\nmetadata:\n  labels: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");

        assertThatThrownBy(() -> loader.load(deep, LOADED))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("cannot parse cluster snapshot " + deep)
                .hasMessageContaining("exceeds the maximum allowed (1000")
                .hasMessageContaining("at line 4, column")
                .hasMessageContaining("inside the value at document 1, line 1");
    }

    @Test
    void randomBytesAreReportedAsNotUtf8WithTheOffset(@TempDir Path dir) throws Exception {
        byte[] bytes = "apiVersion: v1\nkind: List\nitems:\n".getBytes(StandardCharsets.UTF_8);
        byte[] garbage = Arrays.copyOf(bytes, bytes.length + 4);
        garbage[bytes.length] = (byte) 0xC3;
        garbage[bytes.length + 1] = (byte) 0x28;
        Path file = Files.write(dir.resolve("random.bin"), garbage);

        assertThatThrownBy(() -> loader.load(file, LOADED))
                .isInstanceOf(SnapshotException.class)
                .hasMessage("cluster snapshot " + file + " is not UTF-8 text: byte 0xc3 at offset " + bytes.length
                        + " (line 4) is not valid UTF-8. kubectl writes UTF-8 YAML or JSON; is this the dump?");
    }

    @Test
    void randomBytesFromTheStartAreNotUtf8Either(@TempDir Path dir) throws Exception {
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        Path file = Files.write(dir.resolve("random.bin"), random);

        assertThatThrownBy(() -> loader.load(file, LOADED))
                .isInstanceOf(SnapshotException.class)
                .hasMessageStartingWith("cluster snapshot " + file + " is not UTF-8 text: byte 0x");
    }

    static Path resource(String name) {
        return Path.of("src/test/resources/snapshots", name);
    }

    private static List<Pod> pods(int count) {
        List<Pod> pods = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pods.add(new PodBuilder()
                    .withNewMetadata()
                    .withName("worker-" + i)
                    .withNamespace("team-" + (i % 10))
                    .endMetadata()
                    .withNewSpec()
                    .withNodeName("node-" + (i % 10))
                    .addNewContainer()
                    .withName("app")
                    .withImage("registry.example.com/team/worker:1.4." + i)
                    .endContainer()
                    .endSpec()
                    .withNewStatus()
                    .withPhase("Running")
                    .endStatus()
                    .build());
        }
        return pods;
    }
}
