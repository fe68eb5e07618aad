package io.clusteragent.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.read.ListAppender;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.testing.Polling;
import io.clusteragent.testing.ShopCluster;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import net.logstash.logback.argument.StructuredArgument;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.marker.SingleFieldAppendingMarker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class AccessLogTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);
    private static final ClusterState CLUSTER = ShopCluster.withOneRunningPod();
    /** The access line is written when the response ends, which can be just after the client has read it. */
    private static final Duration LOGGED_WITHIN = Duration.ofSeconds(5);

    private final Logger access = (Logger) LoggerFactory.getLogger("access");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level configuredLevel;
    private Vertx vertx;
    private WebClient client;

    @BeforeEach
    void captureTheAccessLog(Vertx vertx) {
        this.vertx = vertx;
        this.client = WebClient.create(vertx);
        configuredLevel = access.getLevel();
        access.setLevel(Level.INFO);
        appender.start();
        access.addAppender(appender);
    }

    @AfterEach
    void restoreTheAccessLog() {
        access.detachAppender(appender);
        appender.stop();
        access.setLevel(configuredLevel);
    }

    @Test
    void anUnknownPodIsLoggedOnceWithMethodPathStatusDurationAndTheCallersRequestId(VertxTestContext testContext) {
        String path = "/api/v1/pods/shop/nope/describe";

        expect(
                testContext,
                serve().compose(port -> get(port, path, "trace-7")).compose(response -> loggedLine("trace-7")),
                line -> {
                    assertThat(line.getLevel()).isEqualTo(Level.INFO);
                    assertThat(line.getFormattedMessage())
                            .matches("GET " + path + " 404 \\d+(\\.\\d+)?ms requestId=trace-7");
                    assertThat(line.getArgumentArray())
                            .contains(
                                    kv("requestId", "trace-7"),
                                    kv("method", "GET"),
                                    kv("path", path),
                                    kv("status", 404),
                                    kv("route", "/api/v1/pods/:namespace/:pod/describe"));
                    assertThat(Double.parseDouble(fields(line).get("durationMs")))
                            .isNotNegative();
                });
    }

    @Test
    void aSuccessfulRequestIsLoggedWithItsRouteTemplate(VertxTestContext testContext) {
        String path = "/api/v1/pods/shop/web-1/describe";

        expect(
                testContext,
                serve().compose(port -> get(port, path, "trace-8")).compose(response -> loggedLine("trace-8")),
                line -> {
                    assertThat(line.getFormattedMessage()).startsWith("GET " + path + " 200 ");
                    assertThat(line.getArgumentArray())
                            .contains(
                                    kv("status", 200),
                                    kv("path", path),
                                    kv("route", "/api/v1/pods/:namespace/:pod/describe"));
                });
    }

    @Test
    void aGeneratedRequestIdIsLoggedAsTheResponseCarriesIt(VertxTestContext testContext) {
        Future<Answered> answered = serve().compose(port -> get(port, "/healthz", null))
                .compose(response -> {
                    String id = response.getHeader(RequestIds.HEADER);
                    return loggedLine(id).map(line -> new Answered(id, line));
                });

        expect(testContext, answered, request -> {
            assertThat(request.id()).isNotBlank();
            assertThat(request.line().getArgumentArray())
                    .contains(kv("requestId", request.id()), kv("path", "/healthz"), kv("status", 200));
        });
    }

    private record Answered(String id, ILoggingEvent line) {}

    @Test
    void aLineIsTimedWhenItsResponseEndedEvenWhenTheConsoleIsSlowAndKeepsItsJsonFields(VertxTestContext testContext) {
        Witness slowConsole = new Witness(Duration.ofSeconds(1));
        access.detachAppender(appender);
        access.addAppender(slowConsole);
        access.addAppender(appender);
        String path = "/api/v1/pods/shop/nope/describe";
        AtomicReference<Instant> sent = new AtomicReference<>();

        // The console still writes the first line when the second request ends: a line stamped when it is
        // written would be stamped after its response was received.
        Future<Answered> answered = serve().compose(
                        port -> get(port, "/healthz", "trace-9-before").compose(first -> {
                            sent.set(Instant.now());
                            return get(port, path, "trace-9");
                        }))
                .compose(response -> {
                    Instant received = Instant.now();
                    return loggedLine("trace-9").map(line -> new Answered(received.toString(), line));
                });

        expect(testContext, answered, request -> {
            access.detachAppender(slowConsole);
            Instant received = Instant.parse(request.id());
            Instant stamped = request.line().getInstant();
            // The response ends, and its end handler runs, a moment after the client can have read it.
            assertThat(stamped).isBetween(sent.get(), received.plusMillis(200));
            assertThat(slowConsole.writtenAt(request.line()))
                    .as("written by the slow console")
                    .isAfterOrEqualTo(stamped.plusSeconds(1));
            JsonObject json = new JsonObject(slowConsole.json(request.line()));
            assertThat(json.fieldNames())
                    .contains(
                            "@timestamp",
                            "message",
                            "logger_name",
                            "thread_name",
                            "level",
                            "requestId",
                            "method",
                            "path",
                            "route",
                            "status",
                            "durationMs");
            assertThat(Instant.parse(json.getString("@timestamp")).truncatedTo(ChronoUnit.MILLIS))
                    .isEqualTo(stamped.truncatedTo(ChronoUnit.MILLIS));
            assertThat(json.getString("message"))
                    .startsWith("GET " + path + " 404 ")
                    .endsWith("ms requestId=trace-9");
            assertThat(json.getString("requestId")).isEqualTo("trace-9");
            assertThat(json.getString("method")).isEqualTo("GET");
            assertThat(json.getString("path")).isEqualTo(path);
            assertThat(json.getString("route")).isEqualTo("/api/v1/pods/:namespace/:pod/describe");
            assertThat(json.getInteger("status")).isEqualTo(404);
            assertThat(json.getDouble("durationMs")).isNotNegative();
            assertThat(json.getString("level")).isEqualTo("INFO");
            assertThat(json.getString("logger_name")).isEqualTo("access");
        });
    }

    @Test
    void logbackWritesTheLineOnTheWriterThreadNamingTheEventLoopThatServedIt(VertxTestContext testContext) {
        Witness console = new Witness(Duration.ZERO);
        access.addAppender(console);

        expect(
                testContext,
                serve().compose(port -> get(port, "/healthz", "trace-10")).compose(response -> loggedLine("trace-10")),
                line -> {
                    access.detachAppender(console);
                    assertThat(console.threadOf(line)).isEqualTo(AccessLog.WRITER_THREAD);
                    assertThat(line.getThreadName()).startsWith("vert.x-eventloop-thread-");
                });
    }

    @Test
    void theDroppedLinesAreCountedOnMetricsFromZero() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        AccessLog.bind(registry);
        AccessLog.bind(registry);

        assertThat(registry.scrape()).contains("\ncluster_agent_access_log_dropped_total 0.0\n");
    }

    /** An appender that notes which thread gave it each line and when, and can be slow as a console nobody reads. */
    private static final class Witness extends AppenderBase<ILoggingEvent> {

        private final Duration delay;
        private final Map<ILoggingEvent, String> threads = new ConcurrentHashMap<>();
        private final Map<ILoggingEvent, Instant> times = new ConcurrentHashMap<>();
        private final LogstashEncoder encoder = new LogstashEncoder();
        private final Map<ILoggingEvent, String> json = new ConcurrentHashMap<>();

        Witness(Duration delay) {
            this.delay = delay;
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            setContext(context);
            encoder.setContext(context);
            encoder.start();
            start();
        }

        @Override
        protected void append(ILoggingEvent event) {
            threads.put(event, Thread.currentThread().getName());
            json.put(event, new String(encoder.encode(event), StandardCharsets.UTF_8));
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            times.put(event, Instant.now());
        }

        String threadOf(ILoggingEvent event) {
            return threads.get(event);
        }

        Instant writtenAt(ILoggingEvent event) {
            return times.get(event);
        }

        String json(ILoggingEvent event) {
            return json.get(event);
        }
    }

    /** The one access line of the request with this id, once it has been written. */
    private Future<ILoggingEvent> loggedLine(String requestId) {
        return Polling.until(
                        vertx,
                        LOGGED_WITHIN,
                        () -> Future.succeededFuture(linesOf(requestId)),
                        lines -> assertThat(lines)
                                .as("access lines of request %s", requestId)
                                .hasSize(1))
                .map(lines -> lines.get(0));
    }

    private List<ILoggingEvent> linesOf(String requestId) {
        // The appender appends under its own lock, from the access log's writer thread.
        synchronized (appender) {
            return appender.list.stream()
                    .filter(line -> requestId.equals(fields(line).get("requestId")))
                    .toList();
        }
    }

    /** The structured arguments of a line by field name, each value as the text it renders to. */
    private static Map<String, String> fields(ILoggingEvent line) {
        Map<String, String> fields = new LinkedHashMap<>();
        Arrays.stream(line.getArgumentArray() == null ? new Object[0] : line.getArgumentArray())
                .filter(SingleFieldAppendingMarker.class::isInstance)
                .map(SingleFieldAppendingMarker.class::cast)
                .forEach(field -> fields.put(field.getFieldName(), valueText(field)));
        return fields;
    }

    private static String valueText(StructuredArgument field) {
        String text = field.toString();
        return text.substring(text.indexOf('=') + 1);
    }

    private Future<Integer> serve() {
        // The line is the subject here, not the budget: a first, cold analysis on a busy machine can take
        // most of the default 500 ms.
        ApiVerticle api = new ApiVerticle(
                AgentConfig.fromMap(Map.of("REQUEST_TIMEOUT", "10s"), List.of("--port", "0")), CLUSTER, FIXED);
        return vertx.deployVerticle(api).map(deployed -> api.port());
    }

    private Future<HttpResponse<Buffer>> get(int port, String path, String requestId) {
        var request = client.request(HttpMethod.GET, port, "localhost", path);
        if (requestId != null) {
            request.putHeader(RequestIds.HEADER, requestId);
        }
        return request.send();
    }

    private static <T> void expect(VertxTestContext testContext, Future<T> future, Consumer<T> assertions) {
        future.onComplete(testContext.succeeding(value -> testContext.verify(() -> {
            assertions.accept(value);
            testContext.completeNow();
        })));
    }
}
