package io.clusteragent.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * {@code %escaped(...)} in a text log pattern: what it wraps, with control characters escaped, so each
 * event is one line and nothing in it can drive the terminal that shows it.
 */
public final class EscapingConverter extends CompositeConverter<ILoggingEvent> {

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return ControlCharacters.escape(in);
    }
}
