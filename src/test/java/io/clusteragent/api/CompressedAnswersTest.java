package io.clusteragent.api;

import io.clusteragent.testing.ShopCluster;
import io.clusteragent.testing.TestServer;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients that accept gzip get kept answers compressed, with their own metadata, as any decoder reads them. */
class CompressedAnswersTest {

    private static final String NAMESPACE = "/api/v1/namespace/shop/error";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(ShopCluster.withOneRunningPod());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aClientAcceptingGzipGetsTheSameAnswerCompressed() throws Exception {
        HttpResponse<Buffer> plain = ask(HttpMethod.GET, "plain-1", null);
        HttpResponse<Buffer> compressed = ask(HttpMethod.GET, "gzip-1", "gzip, deflate, br");

        assertThat(compressed.statusCode()).isEqualTo(200);
        assertThat(compressed.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(compressed.getHeader("Vary")).isEqualTo("Accept-Encoding");
        assertThat(plain.getHeader("Vary")).isEqualTo("Accept-Encoding");
        assertThat(plain.getHeader("Content-Encoding")).isNull();
        assertThat(Integer.parseInt(compressed.getHeader("Content-Length")))
                .isEqualTo(compressed.body().length());
        JsonObject unzipped =
                new JsonObject(Buffer.buffer(gunzip(compressed.body().getBytes())));
        assertThat(unzipped.getJsonObject("data"))
                .isEqualTo(plain.bodyAsJsonObject().getJsonObject("data"));
        assertThat(unzipped.getJsonObject("metadata").getString("requestId")).isEqualTo("gzip-1");
        assertThat(unzipped.getJsonObject("metadata").getString("timestamp")).isNotBlank();
    }

    @Test
    void theGzipCommandReadsTheCompressedAnswer() throws Exception {
        byte[] body = ask(HttpMethod.GET, "gzip-cli", "gzip").body().getBytes();

        Process gzip = new ProcessBuilder("gzip", "--decompress", "--stdout").start();
        gzip.getOutputStream().write(body);
        gzip.getOutputStream().close();
        byte[] decoded = gzip.getInputStream().readAllBytes();
        assertThat(gzip.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(gzip.exitValue())
                .as(new String(gzip.getErrorStream().readAllBytes()))
                .isZero();
        assertThat(decoded).isEqualTo(gunzip(body));
        assertThat(new JsonObject(Buffer.buffer(decoded))
                        .getJsonObject("metadata")
                        .getString("requestId"))
                .isEqualTo("gzip-cli");
    }

    @Test
    void aClientRefusingGzipGetsItPlain() {
        assertThat(ask(HttpMethod.GET, "no-gzip", "gzip;q=0, identity").getHeader("Content-Encoding"))
                .isNull();
        assertThat(ask(HttpMethod.GET, "no-gzip", "br").getHeader("Content-Encoding"))
                .isNull();
    }

    @Test
    void headAnnouncesTheLengthOfTheCompressedAnswer() {
        HttpResponse<Buffer> get = ask(HttpMethod.GET, "same-id", "gzip");
        HttpResponse<Buffer> head = ask(HttpMethod.HEAD, "same-id", "gzip");

        assertThat(head.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(head.getHeader("Content-Length")).isEqualTo(get.getHeader("Content-Length"));
        assertThat(head.body()).isNull();
    }

    private static HttpResponse<Buffer> ask(HttpMethod method, String requestId, String acceptEncoding) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("X-Request-Id", requestId);
        if (acceptEncoding != null) {
            headers.add("Accept-Encoding", acceptEncoding);
        }
        return server.request(method, NAMESPACE, headers);
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
