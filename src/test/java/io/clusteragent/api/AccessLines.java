package io.clusteragent.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/** The access-log lines written while it is open (the test configuration keeps the access log quiet otherwise). */
final class AccessLines implements AutoCloseable {

    private final Logger access = (Logger) LoggerFactory.getLogger("access");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level configured = access.getLevel();

    AccessLines() {
        access.setLevel(Level.INFO);
        appender.start();
        access.addAppender(appender);
    }

    /** The lines of the requests answered so far: the writer thread writes them a little after the response. */
    int count() {
        AccessLog.flush(Duration.ofSeconds(5));
        synchronized (appender) {
            return appender.list.size();
        }
    }

    List<String> lines() {
        AccessLog.flush(Duration.ofSeconds(5));
        synchronized (appender) {
            return appender.list.stream()
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }

    @Override
    public void close() {
        access.detachAppender(appender);
        appender.stop();
        access.setLevel(configured);
    }
}
