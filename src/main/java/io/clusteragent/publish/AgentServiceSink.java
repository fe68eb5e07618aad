package io.clusteragent.publish;

import io.clusteragent.config.PublishSettings;
import io.clusteragent.config.RedactedUrl;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * Publishes incidents to the Agent Service. {@link #publish} returns once the incident is spooled;
 * up to {@code publishConcurrency} deliveries then run at once, one per fingerprint at a time, each
 * retried until the service accepts or refuses it. All state lives on one context, so whichever thread
 * calls in, the work hops there first.
 */
public final class AgentServiceSink implements IncidentSink {

    private static final Logger LOG = LoggerFactory.getLogger(AgentServiceSink.class);

    private final Vertx vertx;
    private final Context context;
    private final Spool<OutgoingIncident> spool;
    private final AgentServiceClient client;
    private final Backoff backoff;
    private final int concurrency;
    private final Clock clock;
    private final Counters counters = new Counters();
    private final Set<Delivery> active = new HashSet<>();
    private final Settlements settlements = new Settlements();
    private boolean closed;

    private AgentServiceSink(
            Vertx vertx, Context context, Spool<OutgoingIncident> spool, PublishSettings settings, Clock clock) {
        URI url = settings.url().orElseThrow(() -> new IllegalArgumentException("the Agent Service sink needs a url"));
        this.vertx = vertx;
        this.context = context;
        this.spool = spool;
        this.client = new AgentServiceClient(vertx, url, settings.eventTimeout(), settings.publishConcurrency());
        this.backoff = new Backoff(
                settings.retryBase(),
                settings.retryCap(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.concurrency = settings.publishConcurrency();
        this.clock = clock;
    }

    /** Loads the spool left by a previous run and starts delivering it. */
    public static Future<AgentServiceSink> start(Vertx vertx, PublishSettings settings) {
        Context context = vertx.getOrCreateContext();
        return OnContext.call(context, () -> Spool.open(vertx, settings.spoolDir(), settings.spoolMaxEntries()))
                .compose(spool -> OnContext.call(context, () -> {
                    AgentServiceSink sink = new AgentServiceSink(vertx, context, spool, settings, Clock.systemUTC());
                    LOG.info(
                            "publishing incidents to the Agent Service {} {} {} {}",
                            kv("url", RedactedUrl.of(settings.url().get())),
                            kv("spoolDir", settings.spoolDir().toString()),
                            kv("spooled", spool.depth()),
                            kv("publishConcurrency", settings.publishConcurrency()));
                    sink.dispatch();
                    return Future.succeededFuture(sink);
                }));
    }

    @Override
    public Future<Void> publish(OutgoingIncident incident) {
        return OnContext.call(context, () -> {
            if (closed) {
                return Future.failedFuture(new IllegalStateException("the incident sink is closed"));
            }
            return spool.add(incident).onSuccess(spooled -> dispatch()).mapEmpty();
        });
    }

    @Override
    public Future<Void> close() {
        return OnContext.call(context, () -> {
            if (closed) {
                return Future.succeededFuture();
            }
            closed = true;
            active.forEach(Delivery::cancel);
            active.clear();
            client.close();
            return spool.close();
        });
    }

    @Override
    public PublishStats stats() {
        return counters.snapshot(spool);
    }

    @Override
    public PostTimes postTimes() {
        return counters.postTimes();
    }

    @Override
    public Runnable onSettled(Consumer<String> listener) {
        return settlements.add(listener);
    }

    private void dispatch() {
        while (!closed && active.size() < concurrency) {
            Optional<SpoolEntry<OutgoingIncident>> next = spool.claimNext();
            if (next.isEmpty()) {
                return;
            }
            Delivery delivery = new Delivery(next.get(), client, backoff, vertx, clock, counters);
            active.add(delivery);
            delivery.run().onSuccess(finished -> finish(delivery));
        }
    }

    private void finish(Delivery delivery) {
        if (closed) {
            return;
        }
        active.remove(delivery);
        spool.remove(delivery.entry());
        settlements.settled(delivery.entry().item().idempotencyKey());
        dispatch();
    }
}
