package io.clusteragent.forwarding;

import io.clusteragent.config.Rate;

/** {@code amount} tokens at most, refilled continuously at {@code amount} per {@code period}. */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long lastNanos;

    TokenBucket(Rate rate, long nowNanos) {
        this.capacity = rate.amount();
        this.tokensPerNano = rate.amount() / (double) rate.period().toNanos();
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    boolean hasToken(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1;
    }

    /** Takes a token if there is one; never goes below zero. */
    void take() {
        tokens = Math.max(0, tokens - 1);
    }

    private void refill(long nowNanos) {
        if (nowNanos > lastNanos) {
            tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * tokensPerNano);
            lastNanos = nowNanos;
        }
    }
}
