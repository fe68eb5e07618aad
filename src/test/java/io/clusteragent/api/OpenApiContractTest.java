package io.clusteragent.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.clusteragent.analysis.events.EventCategory;
import io.clusteragent.analysis.events.Severity;
import io.clusteragent.analysis.namespace.IssueType;
import io.clusteragent.analysis.namespace.WorkloadOwner;
import io.clusteragent.analysis.resources.PodResources;
import io.clusteragent.analysis.resources.QosClass;
import io.clusteragent.analysis.scheduling.FailureSummary;
import io.clusteragent.analysis.scheduling.PodScheduling;
import io.clusteragent.analysis.scheduling.SchedulingFailureCategory;
import io.clusteragent.api.openapi.OpenApiDocument;
import io.clusteragent.auth.AccessCheck;
import io.clusteragent.auth.AccessControl;
import io.clusteragent.auth.AccessDecision;
import io.clusteragent.auth.AccessReviews;
import io.clusteragent.auth.Caller;
import io.clusteragent.auth.TokenReviewResult;
import io.clusteragent.cadvisor.CadvisorMetrics;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.ObjectFeed;
import io.clusteragent.cluster.SnapshotLoader;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.config.CadvisorSettings;
import io.clusteragent.health.Probes;
import io.clusteragent.kubestate.KubeStateMetrics;
import io.clusteragent.testing.ClusterStates;
import io.clusteragent.testing.TestServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Holds {@code docs/openapi.yaml} to what the agent really answers: every route of the router is
 * documented, every documented response is provoked against the demo cluster (or a state that
 * misbehaves on purpose), and every body, header and example conforms to the schema the document
 * declares for it.
 */
class OpenApiContractTest {

    private static final Path DOCUMENT = Path.of("docs/openapi.yaml");
    private static final Path DEMO_CLUSTER = Path.of("examples/demo-cluster.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String POD = "/api/v1/pods/{namespace}/{pod}";
    private static final List<String> POD_ROUTES = List.of("describe", "resources", "scheduling", "failure-events");
    private static final String RUNNING_POD = "shop/frontend-qccjkq974j-tkb9m";
    private static final String CRASH_LOOPING_POD = "shop/payments-28wlt5pw27-jn4tz";
    private static final String PENDING_POD = "shop/image-resizer-tvls65vgn7-sjlnl";
    private static final String NODE_WITH_METRICS = "worker-1";
    private static final String NAMESPACE = "shop";

    /**
     * Documented responses no test can provoke: the liveness check only reports the event loop as
     * answering, so it fails only when the event loop is stuck. Its body has the same schema as the
     * readiness 503, which is checked.
     */
    private static final Set<String> NOT_PROVOKED = Set.of("GET /healthz 503", "HEAD /healthz 503");

    private static final String READER = "reader-token";
    private static final String HASTY = "hasty-token";
    private static final String OUTSIDER = "outsider";
    private static final String UNREVIEWABLE = "unreviewable-token";

    /** The API server's word on the callers above: the outsider may read nothing, the others everything. */
    private static final AccessReviews REVIEWS = new AccessReviews() {
        @Override
        public Future<TokenReviewResult> reviewToken(String token, List<String> audiences) {
            if (token.equals(UNREVIEWABLE)) {
                return Future.failedFuture("the API server is down");
            }
            if (!List.of(READER, HASTY).contains(token) && !token.startsWith(OUTSIDER)) {
                return Future.succeededFuture(TokenReviewResult.rejected());
            }
            String user = token.replace("-token", "");
            return Future.succeededFuture(TokenReviewResult.accepted(
                    new Caller(user, List.of(Caller.AUTHENTICATED), "", Map.of()), List.of()));
        }

        @Override
        public Future<AccessDecision> review(Caller caller, AccessCheck check) {
            return Future.succeededFuture(new AccessDecision(!caller.user().startsWith(OUTSIDER), ""));
        }
    };

    private static OpenApiDocument document;
    private static ClusterState demo;
    private static KubeStateMetrics kubeState;
    private static final Set<String> exercised = new TreeSet<>();
    private static int validated;
    private static Scenario running;
    private static TestServer server;

    /** The cluster state a server is started on. */
    enum Scenario {
        DEMO(state -> state, Map.of()),
        NO_METRICS(ClusterStates::withoutMetrics, Map.of()),
        NOT_READY(ClusterStates::unsynced, Map.of()),
        SLOW(state -> ClusterStates.slow(state, 300), Map.of("REQUEST_TIMEOUT", "50ms")),
        FAILING(ClusterStates::failing, Map.of()),
        /** Callers reviewed by {@link #REVIEWS}, on a clock that stands still, so a caller's rate never refills. */
        AUTHENTICATED(state -> state, Map.of("AUTH_MODE", "kubernetes", "RATE_LIMIT_PER_USER", "2"));

        private final Function<ClusterState, ClusterState> state;
        private final Map<String, String> env;

        Scenario(Function<ClusterState, ClusterState> state, Map<String, String> env) {
            this.state = state;
            this.env = env;
        }
    }

    /**
     * One request and the status it must get.
     *
     * @param template the documented path it must fall under; null for a path the agent does not serve
     */
    record Call(Scenario scenario, HttpMethod method, String path, String template, int status, String token) {

        Call(String path, String template, int status) {
            this(Scenario.DEMO, HttpMethod.GET, path, template, status);
        }

        Call(Scenario scenario, HttpMethod method, String path, String template, int status) {
            this(scenario, method, path, template, status, null);
        }

        static Call authenticated(String path, String template, int status, String token) {
            return new Call(Scenario.AUTHENTICATED, HttpMethod.GET, path, template, status, token);
        }

        @Override
        public String toString() {
            return method + " " + abbreviate(path) + " -> " + status
                    + (scenario == Scenario.DEMO ? "" : " [" + scenario + (token == null ? "" : " " + token) + "]");
        }
    }

    @BeforeAll
    static void load() {
        document = OpenApiDocument.load(DOCUMENT);
        AgentConfig defaults = AgentConfig.defaults();
        kubeState = KubeStateMetrics.create(defaults.kubeState(), defaults.kubeStateResources());
        demo = new SnapshotLoader(ObjectFeed.kubeState(defaults.kubeStateResources(), kubeState))
                .load(DEMO_CLUSTER, TestServer.NOW);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    // ------------------------------------------------------------------------------------ the document

    @Test
    void documentParsesWithoutMessages() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);

        SwaggerParseResult fromFile =
                new OpenAPIV3Parser().readLocation(DOCUMENT.toAbsolutePath().toString(), null, options);
        SwaggerParseResult fromText = new OpenAPIV3Parser().readContents(Files.readString(DOCUMENT), null, options);

        for (SwaggerParseResult result : List.of(fromFile, fromText)) {
            assertThat(result.getMessages()).as("parser messages").isEmpty();
            assertThat(result.getOpenAPI()).isNotNull();
            assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
            assertThat(result.getOpenAPI().getInfo().getTitle()).isEqualTo("cluster-agent");
            assertThat(result.getOpenAPI().getInfo().getVersion()).isEqualTo("0.1.0");
            assertThat(result.getOpenAPI().getPaths()).hasSize(11);
        }
    }

    @Test
    void everyRouteOfTheRouterIsDocumentedAndNothingElse() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            WorkerExecutor pool = vertx.createSharedWorkerExecutor("contract-routes");
            Router router = ApiRouter.create(
                    vertx,
                    demo,
                    Clock.fixed(TestServer.NOW, ZoneOffset.UTC),
                    pool,
                    AgentConfig.defaults(),
                    new ResponseCache(AgentConfig.defaults().responseCacheBytes()),
                    new Probes(vertx, demo),
                    Optional.empty(),
                    AccessControl.none(),
                    CadvisorMetrics.create(AgentConfig.defaults().cadvisor(), demo, Clock.systemUTC()));
            Set<String> routes = new TreeSet<>();
            for (Route route : router.getRoutes()) {
                if (route.getPath() != null
                        && route.methods() != null
                        && !route.methods().isEmpty()) {
                    String template = route.getPath().replaceAll(":([A-Za-z0-9_]+)", "{$1}");
                    route.methods().forEach(method -> routes.add(method.name() + " " + template));
                }
            }

            assertThat(routes).hasSize(22);
            assertThat(new TreeSet<>(document.operations())).isEqualTo(routes);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void enumerationsAreTheCodesValues() {
        assertThat(enumOf("ErrorCode")).containsExactly(names(ErrorCode.values()));
        assertThat(enumOf("SchedulingFailureCategory")).containsExactly(names(SchedulingFailureCategory.values()));
        assertThat(enumOf("EventCategory")).containsExactly(names(EventCategory.values()));
        assertThat(enumOf("IssueType")).containsExactly(names(IssueType.values()));
        assertThat(enumOf("Severity"))
                .containsExactly(
                        Arrays.stream(Severity.values()).map(Severity::label).toArray(String[]::new));
        assertThat(enumOf("QosClass"))
                .containsExactlyInAnyOrder(QosClass.GUARANTEED, QosClass.BURSTABLE, QosClass.BEST_EFFORT);
        assertThat(propertyEnum("PodScheduling", "status"))
                .containsExactly(PodScheduling.SCHEDULED, PodScheduling.PENDING, PodScheduling.FAILED);
        assertThat(propertyEnum("FailureSummary", "source"))
                .containsExactly(
                        FailureSummary.EVALUATION,
                        FailureSummary.SCHEDULER,
                        FailureSummary.BOTH,
                        FailureSummary.EVENTS);
        assertThat(propertyEnum("ContainerResources", "type"))
                .containsExactly(PodResources.CONTAINER, PodResources.INIT, PodResources.SIDECAR);
        assertThat(propertyEnum("ProblematicPod", "ownerKind"))
                .containsExactly(WorkloadOwner.DEPLOYMENT, WorkloadOwner.STATEFUL_SET);
        assertThat(propertyEnum("PodIssue", "severity"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(IssueType.values())
                        .map(type -> type.severity().label())
                        .collect(Collectors.toSet()));
    }

    @Test
    void categoriesAndIssueTypesAreDescribedAsTheCodeDescribesThem() {
        Map<String, String> scheduling = new LinkedHashMap<>();
        Arrays.stream(SchedulingFailureCategory.values()).forEach(c -> scheduling.put(c.name(), c.description()));
        Map<String, String> events = new LinkedHashMap<>();
        Arrays.stream(EventCategory.values()).forEach(c -> events.put(c.name(), c.description()));
        Map<String, String> issues = new LinkedHashMap<>();
        Arrays.stream(IssueType.values()).forEach(t -> issues.put(t.name(), t.description()));

        assertThat(enumDescriptions("SchedulingFailureCategory")).isEqualTo(scheduling);
        assertThat(enumDescriptions("EventCategory")).isEqualTo(events);
        assertThat(enumDescriptions("IssueType")).isEqualTo(issues);
        String schedulingTable = document.at("/components/schemas/SchedulingFailureCategory/description")
                .asText();
        scheduling.forEach((name, text) -> assertThat(schedulingTable).contains("| `" + name + "` | " + text + " |"));
        String eventTable =
                document.at("/components/schemas/EventCategory/description").asText();
        events.forEach((name, text) -> assertThat(eventTable).contains("| `" + name + "` | " + text + " |"));
        String issueTable =
                document.at("/components/schemas/IssueType/description").asText();
        Arrays.stream(IssueType.values())
                .forEach(type -> assertThat(issueTable)
                        .contains("| `" + type.name() + "` | " + type.severity().label() + " | " + type.description()));
    }

    @Test
    void everyRecordSchemaClosesItsProperties() {
        document.at("/components/schemas").fields().forEachRemaining(entry -> {
            JsonNode schema = entry.getValue();
            if (schema.has("properties") && !entry.getKey().startsWith("Kubernetes")) {
                assertThat(schema.path("additionalProperties").isBoolean()
                                && !schema.path("additionalProperties").asBoolean())
                        .as("%s has additionalProperties: false", entry.getKey())
                        .isTrue();
                schema.path("required")
                        .forEach(
                                required -> assertThat(schema.path("properties").has(required.asText()))
                                        .as("%s lists required property %s", entry.getKey(), required.asText())
                                        .isTrue());
            }
        });
    }

    @Test
    void everyExampleConformsToItsSchema() {
        List<String> failures = new ArrayList<>();
        int examples = 0;
        for (String response : document.responses()) {
            String[] parts = response.split(" ");
            String pointer = document.response(parts[1], parts[0], Integer.parseInt(parts[2]))
                    .orElseThrow();
            var content = document.at(pointer + "/content").fields();
            while (content.hasNext()) {
                var media = content.next();
                String mediaPointer = pointer + "/content/" + OpenApiDocument.escape(media.getKey());
                var named = media.getValue().path("examples").fieldNames();
                while (named.hasNext()) {
                    String name = named.next();
                    JsonNode value = document.at(document.resolve(mediaPointer + "/examples/" + name) + "/value");
                    assertThat(value.isMissingNode())
                            .as("example %s of %s has a value", name, response)
                            .isFalse();
                    List<String> messages = document.validate(mediaPointer + "/schema", value);
                    examples++;
                    if (!messages.isEmpty()) {
                        failures.add(response + " example " + name + ": " + messages);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(examples).isGreaterThanOrEqualTo(20);
    }

    // ------------------------------------------------------------------------------------ real answers

    @TestFactory
    Stream<DynamicTest> everyResponseConformsToTheDocument() {
        List<Call> calls = calls();
        Stream<DynamicTest> responses =
                calls.stream().map(call -> DynamicTest.dynamicTest(call.toString(), () -> check(call)));
        Stream<DynamicTest> coverage =
                Stream.of(DynamicTest.dynamicTest("every documented response was provoked", () -> {
                    Set<String> documented = new TreeSet<>(document.responses());
                    assertThat(documented).containsAll(NOT_PROVOKED);
                    documented.removeAll(NOT_PROVOKED);
                    assertThat(exercised).as("documented responses provoked").containsAll(documented);
                    System.out.printf(
                            "OpenAPI contract: %d responses validated, covering %d documented responses%n",
                            validated, exercised.size());
                }));
        return Stream.concat(responses, coverage);
    }

    private static List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        // The scenarios the brief of each route names, first.
        for (String pod : List.of(RUNNING_POD, CRASH_LOOPING_POD, PENDING_POD)) {
            POD_ROUTES.forEach(
                    route -> calls.add(new Call("/api/v1/pods/" + pod + "/" + route, POD + "/" + route, 200)));
        }
        calls.add(new Call("/api/v1/namespace/" + NAMESPACE + "/error", "/api/v1/namespace/{namespace}/error", 200));
        calls.add(new Call(
                "/api/v1/nodes/" + NODE_WITH_METRICS + "/utilization", "/api/v1/nodes/{node}/utilization", 200));
        calls.add(new Call("/healthz", "/healthz", 200));
        calls.add(new Call("/readyz", "/readyz", 200));
        calls.add(new Call("/metrics", "/metrics", 200));
        calls.add(new Call("/metrics/kubestate", "/metrics/kubestate", 200));
        calls.add(new Call("/metrics/cadvisor", "/metrics/cadvisor", 200));

        // Then every object of the demo cluster, for the shapes the scenarios above do not show.
        for (var pod : demo.pods()) {
            String name =
                    pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
            POD_ROUTES.forEach(
                    route -> calls.add(new Call("/api/v1/pods/" + name + "/" + route, POD + "/" + route, 200)));
        }
        Set<String> namespaces = new TreeSet<>(List.of("default"));
        demo.pods().forEach(pod -> namespaces.add(pod.getMetadata().getNamespace()));
        namespaces.forEach(namespace -> calls.add(
                new Call("/api/v1/namespace/" + namespace + "/error", "/api/v1/namespace/{namespace}/error", 200)));
        for (var node : demo.nodes()) {
            String name = name(node);
            calls.add(new Call(
                    "/api/v1/nodes/" + name + "/utilization",
                    "/api/v1/nodes/{node}/utilization",
                    demo.nodeMetrics(name).isPresent() ? 200 : 503));
        }

        // Malformed names: 400.
        for (String route : POD_ROUTES) {
            calls.add(new Call("/api/v1/pods/Shop_1/payments-28wlt5pw27-jn4tz/" + route, POD + "/" + route, 400));
            calls.add(new Call("/api/v1/pods/shop/web_1/" + route, POD + "/" + route, 400));
        }
        calls.add(new Call("/api/v1/pods/" + "n".repeat(64) + "/web-1/describe", POD + "/describe", 400));
        calls.add(new Call("/api/v1/pods/shop/" + "p".repeat(254) + "/resources", POD + "/resources", 400));
        calls.add(new Call("/api/v1/pods/shop/-web/scheduling", POD + "/scheduling", 400));
        calls.add(new Call("/api/v1/namespace/Shop/error", "/api/v1/namespace/{namespace}/error", 400));
        calls.add(new Call("/api/v1/namespace/a.b/error", "/api/v1/namespace/{namespace}/error", 400));
        calls.add(new Call("/api/v1/nodes/-node/utilization", "/api/v1/nodes/{node}/utilization", 400));
        calls.add(new Call("/api/v1/nodes/Worker_1/utilization", "/api/v1/nodes/{node}/utilization", 400));
        calls.add(
                new Call("/api/v1/nodes/" + "w".repeat(254) + "/utilization", "/api/v1/nodes/{node}/utilization", 400));

        // Unknown objects and routes: 404.
        for (String route : POD_ROUTES) {
            calls.add(new Call("/api/v1/pods/shop/nope/" + route, POD + "/" + route, 404));
        }
        calls.add(new Call("/api/v1/pods/ghost/payments-28wlt5pw27-jn4tz/describe", POD + "/describe", 404));
        calls.add(new Call("/api/v1/namespace/ghost/error", "/api/v1/namespace/{namespace}/error", 404));
        calls.add(new Call("/api/v1/nodes/node-z/utilization", "/api/v1/nodes/{node}/utilization", 404));
        calls.add(new Call("/api/v1/nodes/worker-1.example.com/utilization", "/api/v1/nodes/{node}/utilization", 404));
        calls.add(new Call("/api/v1/pods/shop/payments-28wlt5pw27-jn4tz/logs", null, 404));
        calls.add(new Call("/api/v1/nodes", null, 404));
        calls.add(new Call("/api/v2/pods/shop/payments-28wlt5pw27-jn4tz/describe", null, 404));
        calls.add(new Call("/", null, 404));
        calls.add(new Call(Scenario.DEMO, HttpMethod.POST, "/api/v1/nothing-here", null, 404));

        // Broken percent-escapes: 400 naming the path.
        calls.add(new Call("/api/v1/pods/shop/%zz/describe", POD + "/describe", 400));
        calls.add(new Call("/api/v1/nodes/worker-1%/utilization", "/api/v1/nodes/{node}/utilization", 400));

        // Other methods than GET and HEAD, made-up ones included: 405.
        List<HttpMethod> writes = List.of(
                HttpMethod.DELETE, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.valueOf("MADEUP"));
        int i = 0;
        for (String[] route : apiRoutes()) {
            calls.add(new Call(Scenario.DEMO, writes.get(i++ % writes.size()), route[0], route[1], 405));
        }

        // No metrics server: 503.
        calls.add(new Call(
                Scenario.NO_METRICS,
                HttpMethod.GET,
                "/api/v1/nodes/" + NODE_WITH_METRICS + "/utilization",
                "/api/v1/nodes/{node}/utilization",
                503));
        calls.add(new Call(
                Scenario.NO_METRICS,
                HttpMethod.GET,
                "/api/v1/pods/" + CRASH_LOOPING_POD + "/describe",
                POD + "/describe",
                200));

        // Cache not synced: every /api route 503, readiness 503, liveness still 200.
        for (String[] route : apiRoutes()) {
            calls.add(new Call(Scenario.NOT_READY, HttpMethod.GET, route[0], route[1], 503));
        }
        calls.add(new Call(
                Scenario.NOT_READY, HttpMethod.GET, "/api/v1/pods/Shop_1/web_1/describe", POD + "/describe", 503));
        calls.add(new Call(Scenario.NOT_READY, HttpMethod.GET, "/readyz", "/readyz", 503));
        calls.add(new Call(Scenario.NOT_READY, HttpMethod.GET, "/healthz", "/healthz", 200));

        // Budget exceeded: 504.
        for (String[] route : apiRoutes()) {
            calls.add(new Call(Scenario.SLOW, HttpMethod.GET, route[0], route[1], 504));
        }
        calls.add(new Call(Scenario.SLOW, HttpMethod.GET, "/healthz", "/healthz", 200));

        // A broken cache: 500.
        for (String[] route : apiRoutes()) {
            calls.add(new Call(Scenario.FAILING, HttpMethod.GET, route[0], route[1], 500));
        }
        calls.add(new Call(Scenario.FAILING, HttpMethod.GET, "/readyz", "/readyz", 200));
        calls.add(new Call(Scenario.FAILING, HttpMethod.GET, "/metrics", "/metrics", 200));
        // Only the demo scenario's server has kube-state metrics; without them the endpoint says so.
        calls.add(new Call(Scenario.FAILING, HttpMethod.GET, "/metrics/kubestate", "/metrics/kubestate", 404));
        // Nor is it on a node: no NODE_NAME, no container metrics.
        calls.add(new Call(Scenario.FAILING, HttpMethod.GET, "/metrics/cadvisor", "/metrics/cadvisor", 404));

        // Callers the API server does not know, may not read, ask too often, or cannot review: 401, 403, 429, 503.
        // The reader's 200 comes first, so HEAD asks as the reader; the hasty caller then spends its two requests.
        calls.add(Call.authenticated("/metrics", "/metrics", 200, READER));
        calls.add(Call.authenticated("/metrics", "/metrics", 200, HASTY));
        calls.add(Call.authenticated("/metrics", "/metrics", 200, HASTY));
        List<String[]> guarded = new ArrayList<>(apiRoutes());
        guarded.add(new String[] {"/metrics", "/metrics"});
        guarded.add(new String[] {"/metrics/kubestate", "/metrics/kubestate"});
        guarded.add(new String[] {"/metrics/cadvisor", "/metrics/cadvisor"});
        for (String[] route : guarded) {
            calls.add(Call.authenticated(route[0], route[1], 401, null));
            calls.add(Call.authenticated(route[0], route[1], 401, "nobody-knows-this-token"));
            // An outsider per route: each asks twice (GET and HEAD), within its rate.
            calls.add(Call.authenticated(route[0], route[1], 403, OUTSIDER + "-" + guarded.indexOf(route)));
            calls.add(Call.authenticated(route[0], route[1], 429, HASTY));
            calls.add(Call.authenticated(route[0], route[1], 503, UNREVIEWABLE));
        }
        calls.add(Call.authenticated("/healthz", "/healthz", 200, null));

        // HEAD wherever GET is answered: once for each documented path, status and scenario. An answer
        // the slow scenario's GET gave up on is still kept when it comes, so its HEAD asks about another name.
        Set<String> heads = new TreeSet<>();
        for (Call call : List.copyOf(calls)) {
            if (call.method() == HttpMethod.GET
                    && call.template() != null
                    && heads.add(call.scenario() + " " + call.template() + " " + call.status())) {
                String path = call.scenario() == Scenario.SLOW
                        ? call.template().replaceAll("\\{[a-z]+}", "never-asked")
                        : call.path();
                calls.add(
                        new Call(call.scenario(), HttpMethod.HEAD, path, call.template(), call.status(), call.token()));
            }
        }

        // One server per scenario, started in turn.
        calls.sort(
                (a, b) -> Integer.compare(a.scenario().ordinal(), b.scenario().ordinal()));
        return calls;
    }

    /** One real request for each /api route: path, template. */
    private static List<String[]> apiRoutes() {
        List<String[]> routes = new ArrayList<>();
        POD_ROUTES.forEach(route ->
                routes.add(new String[] {"/api/v1/pods/" + CRASH_LOOPING_POD + "/" + route, POD + "/" + route}));
        routes.add(new String[] {"/api/v1/namespace/" + NAMESPACE + "/error", "/api/v1/namespace/{namespace}/error"});
        routes.add(
                new String[] {"/api/v1/nodes/" + NODE_WITH_METRICS + "/utilization", "/api/v1/nodes/{node}/utilization"
                });
        return routes;
    }

    private static void check(Call call) throws Exception {
        String requestId = validated % 2 == 0 ? "contract-" + validated : null;
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        if (requestId != null) {
            headers.add("X-Request-Id", requestId);
        }
        if (call.token() != null) {
            headers.add("Authorization", "Bearer " + call.token());
        }
        HttpResponse<Buffer> response = serverFor(call.scenario()).request(call.method(), call.path(), headers);
        String body = response.bodyAsString() == null ? "" : response.bodyAsString();
        assertThat(response.statusCode())
                .as("status of %s, body %s", call, abbreviate(body))
                .isEqualTo(call.status());

        var match = document.match(call.path());
        String responsePointer;
        if (call.template() == null) {
            assertThat(match)
                    .as("%s falls under no documented path", call.path())
                    .isEmpty();
            responsePointer = "/components/responses/PodNotFound";
        } else {
            assertThat(match).as("documented path of %s", call.path()).isPresent();
            assertThat(match.get().template()).isEqualTo(call.template());
            checkPathParameters(call, match.get());
            // Every method but HEAD is answered as documented under GET, the API's one other method.
            String operation = call.method() == HttpMethod.HEAD ? "head" : "get";
            responsePointer = document.response(call.template(), operation, response.statusCode())
                    .orElseThrow(() -> new AssertionError("status " + response.statusCode() + " is not documented for "
                            + operation + " " + call.template()));
            exercised.add(operation.toUpperCase(Locale.ROOT) + " " + call.template() + " " + response.statusCode());
        }
        if (call.method() == HttpMethod.HEAD) {
            assertThat(body).as("body of %s", call).isEmpty();
            checkHeaders(call, response, responsePointer, requestId, JSON.missingNode());
            validated++;
            return;
        }

        String contentType = response.getHeader("Content-Type");
        assertThat(contentType).as("Content-Type of %s", call).isNotNull();
        String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode content = document.at(responsePointer + "/content");
        assertThat(content.has(mediaType))
                .as("%s documents content %s (has %s)", responsePointer, mediaType, iterable(content.fieldNames()))
                .isTrue();
        JsonNode instance = mediaType.equals("application/json") ? JSON.readTree(body) : TextNode.valueOf(body);
        List<String> messages = document.validate(
                responsePointer + "/content/" + OpenApiDocument.escape(mediaType) + "/schema", instance);
        if (!messages.isEmpty()) {
            fail(
                    "%s does not conform to %s:%n  %s%nbody: %s",
                    call, responsePointer, String.join("\n  ", messages), abbreviate(body));
        }

        checkHeaders(call, response, responsePointer, requestId, instance);
        validated++;
    }

    private static void checkPathParameters(Call call, OpenApiDocument.PathMatch match) {
        Map<String, String> parameters = document.parameters(call.template(), "get");
        boolean allValid = true;
        for (var value : match.parameters().entrySet()) {
            String pointer = parameters.get("path:" + value.getKey());
            assertThat(pointer)
                    .as("path parameter %s of %s is documented", value.getKey(), call.template())
                    .isNotNull();
            assertThat(document.at(pointer).path("required").asBoolean()).isTrue();
            allValid &= document.validate(pointer + "/schema", TextNode.valueOf(value.getValue()))
                    .isEmpty();
        }
        if (call.status() == 400) {
            assertThat(allValid)
                    .as("the documented parameter schemas reject a name of %s", call)
                    .isFalse();
        } else if (call.scenario() != Scenario.NOT_READY) {
            assertThat(allValid)
                    .as("the documented parameter schemas accept the names of %s", call)
                    .isTrue();
        }
    }

    private static void checkHeaders(
            Call call, HttpResponse<Buffer> response, String responsePointer, String requestId, JsonNode body) {
        JsonNode documented = document.at(responsePointer + "/headers");
        assertThat(documented.has("X-Request-Id"))
                .as("%s documents X-Request-Id", responsePointer)
                .isTrue();
        documented.fieldNames().forEachRemaining(name -> {
            String pointer = document.resolve(responsePointer + "/headers/" + OpenApiDocument.escape(name));
            String value = response.getHeader(name);
            if (document.at(pointer).path("required").asBoolean()) {
                assertThat(value).as("header %s of %s", name, call).isNotNull();
            }
            if (value != null) {
                assertThat(document.validate(pointer + "/schema", TextNode.valueOf(value)))
                        .as("header %s of %s", name, call)
                        .isEmpty();
            }
        });
        String id = response.getHeader("X-Request-Id");
        if (requestId != null) {
            assertThat(id).as("X-Request-Id echoed by %s", call).isEqualTo(requestId);
        }
        if (body.has("metadata")) {
            assertThat(body.path("metadata").path("requestId").asText())
                    .as("metadata.requestId of %s", call)
                    .isEqualTo(id);
        }
    }

    /** The demo scenario's agent runs as on a node: the cgroups of a fixture node, read once at start. */
    private static CadvisorMetrics fixtureNodeCadvisor(ClusterState state) {
        Path node = Path.of("src/test/resources/cgroups/v2-systemd-containerd");
        return CadvisorMetrics.create(
                new CadvisorSettings(
                        Optional.of(NODE_WITH_METRICS),
                        node.resolve("sys/fs/cgroup"),
                        node.resolve("proc"),
                        Duration.ofMinutes(1)),
                state,
                Clock.fixed(TestServer.NOW, ZoneOffset.UTC));
    }

    private static TestServer serverFor(Scenario scenario) {
        if (running != scenario) {
            stop();
            ClusterState state = scenario.state.apply(demo);
            Optional<KubeStateMetrics> families = scenario == Scenario.DEMO || scenario == Scenario.AUTHENTICATED
                    ? Optional.of(kubeState)
                    : Optional.empty();
            BiFunction<Vertx, AgentConfig, AccessControl> access =
                    (vertx, config) -> config.auth().enabled()
                            ? AccessControl.kubernetes(vertx, config.auth(), REVIEWS, () -> 0L)
                            : AccessControl.none();
            server = scenario == Scenario.DEMO
                    ? TestServer.start(state, scenario.env, families, access, fixtureNodeCadvisor(state))
                    : TestServer.start(state, scenario.env, families, access);
            running = scenario;
        }
        return server;
    }

    // ------------------------------------------------------------------------------------ helpers

    private static List<String> enumOf(String schema) {
        return texts(document.at("/components/schemas/" + schema + "/enum"));
    }

    private static List<String> propertyEnum(String schema, String property) {
        return texts(document.at("/components/schemas/" + schema + "/properties/" + property + "/enum"));
    }

    private static Map<String, String> enumDescriptions(String schema) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        document.at("/components/schemas/" + schema + "/x-enumDescriptions")
                .fields()
                .forEachRemaining(entry ->
                        descriptions.put(entry.getKey(), entry.getValue().asText()));
        return descriptions;
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("an enum").isTrue();
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }

    private static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }
}
