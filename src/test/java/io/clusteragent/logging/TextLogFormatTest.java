package io.clusteragent.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent's own logback.xml in text format: one line per event, and no byte that drives a terminal. */
class TextLogFormatTest {

    private static final Path CONFIGURATION = Path.of("src/main/resources/logback.xml");

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream systemOut = System.out;
    private LoggerContext context;

    @BeforeEach
    void configureTextFormat() throws Exception {
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty("cluster-agent.log.format", "text");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(CONFIGURATION.toFile());
    }

    @AfterEach
    void restoreConsole() {
        context.stop();
        System.setOut(systemOut);
    }

    @Test
    void controlCharactersInAMessageAreWrittenAsEscapes() {
        Logger access = context.getLogger("access");

        access.info("GET {} 404", "/\u001b[2J\u0000\r\n2026-01-15T12:00:00.000Z INFO  Main - forged\u0007\u2028");

        String line = written();
        assertThat(line)
                .endsWith(
                        " INFO  access - GET /\\u001b[2J\\u0000\\u000d\\u000a2026-01-15T12:00:00.000Z INFO  Main - forged\\u0007\\u2028 404\n");
        assertThat(line.chars().filter(c -> c == '\n')).hasSize(1);
        assertNoControlCharacterButNewlines(line);
    }

    @Test
    void controlCharactersInAnExceptionMessageAreEscapedAndTheTraceKeepsItsLines() {
        Logger router = context.getLogger("io.vertx.ext.web.RoutingContext");
        Exception cause = new IllegalStateException("cause \u001b]0;title\u0007");

        router.warn(
                "request failed", new IllegalArgumentException("Invalid escape sequence: %\u001b\r\nfake line", cause));

        String text = written();
        assertThat(text)
                .contains(
                        "java.lang.IllegalArgumentException: Invalid escape sequence: %\\u001b\\u000d\\u000afake line\n\tat ");
        assertThat(text).doesNotContain("\nfake line");
        assertNoControlCharacterButNewlines(text.replace("\n\tat ", "\n at "));
    }

    @Test
    void plainTextIsWrittenAsItIs() {
        context.getLogger("io.clusteragent.Main").info("starting: port=8080 logFormat=text é ü 日本");

        assertThat(written()).endsWith(" INFO  Main - starting: port=8080 logFormat=text é ü 日本\n");
    }

    private String written() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private static void assertNoControlCharacterButNewlines(String text) {
        assertThat(text.chars().filter(c -> c != '\n' && (Character.isISOControl(c) || c == '\u2028')))
                .as("control characters in %s", text)
                .isEmpty();
    }
}
