package io.clusteragent.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Everything the agent logs while a test runs: its own loggers and the access log at INFO, and
 * Vert.x at every level (TRACE included), kept off the console.
 */
final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final Logger access = (Logger) LoggerFactory.getLogger("access");
    private final Logger vertx = (Logger) LoggerFactory.getLogger("io.vertx");
    private final Level accessLevel = access.getLevel();
    private final Level vertxLevel = vertx.getLevel();

    LogCapture() {
        appender.start();
        root.addAppender(appender);
        access.setLevel(Level.INFO);
        vertx.setLevel(Level.TRACE);
        vertx.setAdditive(false);
        vertx.addAppender(appender);
    }

    List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /**
     * The lines that carry a stack trace or are errors. vert.x-web logs every failure of a request at
     * DEBUG with its exception; the agent's own exceptions have no stack frames, so that is one line.
     */
    List<String> tracesAndErrors() {
        return events().stream()
                .filter(event -> hasStackFrames(event.getThrowableProxy())
                        || event.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(event -> event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage())
                .toList();
    }

    private static boolean hasStackFrames(IThrowableProxy throwable) {
        return throwable != null
                && (throwable.getStackTraceElementProxyArray().length > 0 || hasStackFrames(throwable.getCause()));
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        vertx.detachAppender(appender);
        vertx.setAdditive(true);
        vertx.setLevel(vertxLevel);
        access.setLevel(accessLevel);
        appender.stop();
    }
}
