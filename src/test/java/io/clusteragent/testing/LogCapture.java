package io.clusteragent.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** What the agent logs while a test runs, as logback saw it: one class's lines, or everything. */
public final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Runnable detach = () -> {};

    private LogCapture() {
        appender.start();
    }

    /** The lines of the logger named after {@code source}. */
    public static LogCapture of(Class<?> source) {
        LogCapture capture = new LogCapture();
        Logger logger = (Logger) LoggerFactory.getLogger(source);
        logger.addAppender(capture.appender);
        capture.detach = () -> logger.detachAppender(capture.appender);
        return capture;
    }

    /**
     * Every line: the agent's own loggers and the access log at INFO, and Vert.x at every level (TRACE
     * included, where vert.x-web logs a request's failure with its exception), kept off the console.
     */
    public static LogCapture everything() {
        LogCapture capture = new LogCapture();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger access = (Logger) LoggerFactory.getLogger("access");
        Logger vertx = (Logger) LoggerFactory.getLogger("io.vertx");
        Level accessLevel = access.getLevel();
        Level vertxLevel = vertx.getLevel();
        root.addAppender(capture.appender);
        access.setLevel(Level.INFO);
        vertx.setLevel(Level.TRACE);
        vertx.setAdditive(false);
        vertx.addAppender(capture.appender);
        capture.detach = () -> {
            root.detachAppender(capture.appender);
            vertx.detachAppender(capture.appender);
            vertx.setAdditive(true);
            vertx.setLevel(vertxLevel);
            access.setLevel(accessLevel);
        };
        return capture;
    }

    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /** Each line as its level and message. */
    public List<String> lines() {
        return events().stream()
                .map(e -> e.getLevel() + " " + e.getFormattedMessage())
                .toList();
    }

    /**
     * The lines that carry a stack trace or are errors. The agent's own exceptions have no stack
     * frames, so one of them is a single line.
     */
    public List<String> tracesAndErrors() {
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
        detach.run();
        appender.stop();
    }
}
