package io.clusteragent.publish;

import io.clusteragent.config.RedactedUrl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.URI;
import java.time.Duration;

/** One POST of one incident to the Agent Service; the answer is judged by {@link Delivery}. */
final class AgentServiceClient {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** What came back: the status, the body, and a {@code Retry-After} header if any. */
    record Answer(int status, Buffer body, String retryAfter) {

        boolean accepted() {
            return status >= 200 && status < 300;
        }

        boolean worthRetrying() {
            return status == 429 || status >= 500;
        }
    }

    private final WebClient client;
    private final URI uri;
    private final String url;
    private final long timeoutMillis;

    AgentServiceClient(Vertx vertx, URI url, Duration timeout, int connections) {
        this.client = WebClient.create(
                vertx, new WebClientOptions().setMaxPoolSize(connections).setFollowRedirects(false));
        this.uri = url;
        this.url = url.toString();
        this.timeoutMillis = timeout.toMillis();
    }

    /**
     * Fails on a connection error or when no answer came within the timeout, with a {@link PostFailure}
     * whose message is safe to log.
     */
    Future<Answer> post(OutgoingIncident incident) {
        try {
            return send(incident).recover(failure -> Future.failedFuture(new PostFailure(failure, uri)));
        } catch (IllegalStateException closed) {
            return Future.failedFuture(new PostFailure(closed, uri));
        }
    }

    /**
     * Why a POST got no answer. The HTTP client's own messages quote the request ("POST
     * /events?token=... for server ..."), so the message keeps the failure's kind and its text with the
     * URL's credentials and query values hidden, and the original, which would print them, is not kept.
     */
    static final class PostFailure extends Exception {

        PostFailure(Throwable failure, URI url) {
            super(
                    failure.getClass().getSimpleName() + ": "
                            + RedactedUrl.scrub(String.valueOf(failure.getMessage()), url),
                    null,
                    false,
                    false);
        }
    }

    private Future<Answer> send(OutgoingIncident incident) {
        return client.postAbs(url)
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json")
                .putHeader(HttpHeaders.ACCEPT.toString(), "application/json")
                .putHeader(IDEMPOTENCY_KEY, incident.idempotencyKey())
                .timeout(timeoutMillis)
                .sendBuffer(Buffer.buffer(PublishJson.payload(incident.signal())))
                .map(response -> new Answer(
                        response.statusCode(),
                        response.body() == null ? Buffer.buffer() : response.body(),
                        response.getHeader("Retry-After")));
    }

    void close() {
        client.close();
    }
}
