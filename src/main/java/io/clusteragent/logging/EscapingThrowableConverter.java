package io.clusteragent.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

import java.util.Arrays;

/**
 * {@code %escapedEx} in a text log pattern: a stack trace laid out as {@code %ex} lays it out, one frame
 * a line, with control characters escaped in the exception messages, which may quote a caller's input.
 */
public final class EscapingThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return super.throwableProxyToString(new Escaped(throwable));
    }

    /** The throwable, its causes and suppressed ones as they are, but for their messages. */
    private record Escaped(IThrowableProxy throwable) implements IThrowableProxy {

        @Override
        public String getMessage() {
            return ControlCharacters.escape(throwable.getMessage());
        }

        @Override
        public String getOverridingMessage() {
            return ControlCharacters.escape(throwable.getOverridingMessage());
        }

        @Override
        public String getClassName() {
            return throwable.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return throwable.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return throwable.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return throwable.getCause() == null ? null : new Escaped(throwable.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            return throwable.getSuppressed() == null
                    ? null
                    : Arrays.stream(throwable.getSuppressed()).map(Escaped::new).toArray(IThrowableProxy[]::new);
        }

        @Override
        public boolean isCyclic() {
            return throwable.isCyclic();
        }
    }
}
