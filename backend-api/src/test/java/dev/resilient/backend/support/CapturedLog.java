package dev.resilient.backend.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The lines one log category writes while a {@code @QuarkusTest} runs, read from the real logging
 * (the application and the test share the JVM and its JBoss LogManager). Close it to detach.
 */
public final class CapturedLog extends Handler implements AutoCloseable {

    /** One line as written: when, at which level, the formatted message. */
    public record Line(Instant at, Level level, String message) {
        @Override
        public String toString() {
            return at + " " + level + " " + message;
        }
    }

    private final Logger logger;
    private final List<Line> lines = new ArrayList<>();

    private CapturedLog(String category) {
        this.logger = Logger.getLogger(category);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    public static CapturedLog of(String category) {
        return new CapturedLog(category);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        lines.add(new Line(record.getInstant(), record.getLevel(), message));
    }

    /** Every line captured so far, in order. */
    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The lines containing {@code text}, in order. */
    public List<Line> containing(String text) {
        return lines().stream().filter(l -> l.message().contains(text)).toList();
    }

    public synchronized void clear() {
        lines.clear();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
