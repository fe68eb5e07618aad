package io.clusteragent.config;

/** Configuration that cannot be used; the message names the setting and the accepted form. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
