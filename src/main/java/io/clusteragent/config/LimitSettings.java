package io.clusteragent.config;

/**
 * What one request may cost the agent.
 *
 * @param maxConcurrentRequests requests in flight at once across the agent, probes aside
 * @param maxHeaderSize         bytes of request header block
 * @param maxUrlLength          bytes of request line: method, target and version
 */
public record LimitSettings(int maxConcurrentRequests, int maxHeaderSize, int maxUrlLength) {

    static LimitSettings read(SettingValues values) {
        return new LimitSettings(
                values.integer(Setting.MAX_CONCURRENT_REQUESTS, 1, 1_000_000),
                values.integer(Setting.MAX_HEADER_SIZE, 1024, 1024 * 1024),
                values.integer(Setting.MAX_URL_LENGTH, 256, 1024 * 1024));
    }

    @Override
    public String toString() {
        return "maxConcurrentRequests=" + maxConcurrentRequests + " maxHeaderSize=" + maxHeaderSize + " maxUrlLength="
                + maxUrlLength;
    }
}
