package io.clusteragent.config;

import java.time.Duration;

/** A token bucket's size: {@code amount} at once, refilled at {@code amount} per {@code period}. */
public record Rate(int amount, Duration period) {

    public Rate {
        if (amount < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate needs a positive amount and period: " + amount + "/" + period);
        }
    }

    @Override
    public String toString() {
        return amount + "/" + period.toMillis() + "ms";
    }
}
