package io.clusteragent.api;

import io.clusteragent.testing.RawClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests Vert.x cannot read are answered like any other: envelope, request id, access-log line; then the connection closes. */
class UnreadableRequestsTest {

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of(
                        "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 414, "URI_TOO_LONG"),
                Arguments.of(
                        RawClient.get("/healthz", "X-Big: " + "a".repeat(20_000) + "\r\n"), 431, "HEADERS_TOO_LARGE"),
                Arguments.of(RawClient.get("/healthz", "Not a header\r\n"), 400, "BAD_REQUEST"),
                Arguments.of("GET /healthz HTTP/1.7\r\nHost: localhost\r\n\r\n", 505, "HTTP_VERSION_NOT_SUPPORTED"),
                Arguments.of("GET /healthz HTTP/2.0\r\nHost: localhost\r\n\r\n", 505, "HTTP_VERSION_NOT_SUPPORTED"));
    }

    @ParameterizedTest
    @MethodSource("unreadable")
    void isAnsweredInTheEnvelopeWithARequestIdAndALogLineThenClosed(String request, int status, String code)
            throws Exception {
        try (AccessLines access = new AccessLines();
                GuardedServer server = new GuardedServer(Map.of());
                RawClient client = RawClient.connect(server.port)) {
            RawClient.Answer answer = client.send(request).read();

            JsonObject body = new JsonObject(answer.body());
            assertThat(answer.status()).isEqualTo(status);
            assertThat(answer.header("Content-Type")).isEqualTo("application/json");
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(body.getJsonObject("error").getString("code")).isEqualTo(code);
            assertThat(body.getJsonObject("error").getString("details")).isNotBlank();
            assertThat(body.getJsonObject("metadata").getString("requestId"))
                    .isEqualTo(answer.header("X-Request-Id"))
                    .isNotBlank();
            assertThat(client.closedWithin(Duration.ofSeconds(3))).isTrue();
            assertThat(access.lines()).singleElement().asString().contains(" " + status + " ");
        }
    }

    @Test
    void aRequestThatCanBeReadIsNotTouched() throws Exception {
        try (GuardedServer server = new GuardedServer(Map.of());
                RawClient client = RawClient.connect(server.port)) {
            assertThat(client.send(RawClient.get("/healthz")).read().status()).isEqualTo(200);
            assertThat(client.send(RawClient.get("/healthz")).read().status())
                    .as("on the same connection")
                    .isEqualTo(200);
        }
    }

    @Test
    void aPortInUseIsNamedWithItsSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> new GuardedServer(Map.of(), Integer.toString(taken.getLocalPort())).close())
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("PORT");
        }
    }
}
