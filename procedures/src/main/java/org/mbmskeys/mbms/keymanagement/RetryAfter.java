package org.mbmskeys.mbms.keymanagement;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The {@code Retry-After} header of a 503 (TS 33.246 table G.2.4-1: "the UE may repeat the request after
 * the time indicated in the Retry-After header"; RFC 9110 §10.2.3): delta-seconds or an HTTP-date.
 *
 * <pre>{@code
 * RetryAfter.parse("120", now);                             // Optional[PT2M]
 * RetryAfter.format(Duration.ofSeconds(30));                // "30"
 * }</pre>
 */
public final class RetryAfter {

    /** The header name. */
    public static final String HEADER = "Retry-After";

    private RetryAfter() {
    }

    /**
     * The wait a {@code Retry-After} value asks for, counted from {@code now} for an HTTP-date (a date in
     * the past is a wait of zero).
     *
     * @return empty if the value is neither delta-seconds nor an HTTP-date
     */
    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.matches("\\d{1,10}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The delta-seconds value for {@code wait}, rounded up to whole seconds. */
    public static String format(Duration wait) {
        if (wait.isNegative()) {
            throw new IllegalArgumentException("Retry-After must not be negative, got " + wait);
        }
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Long.toString(seconds);
    }
}
