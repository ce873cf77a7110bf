package org.mbmskeys.features.engine;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Virtual time as features write it: {@code 5s}, {@code 4.999s}, {@code 250ms}, {@code 2min}, {@code 1h},
 * or spelled out ({@code 5 seconds}). Instants are written as the time since the scenario began.
 */
final class Times {

    /** The Cucumber parameter syntax of a duration. */
    static final String SYNTAX = "\\d+(?:\\.\\d+)? ?(?:ms|milliseconds?|s|seconds?|min|minutes?|h|hours?)";

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?) ?([a-z]+)");

    private Times() {
    }

    static Duration parse(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write 5s, 4.999s, 250ms, 2min or 1h");
        }
        double millisPerUnit = switch (m.group(2)) {
            case "ms", "millisecond", "milliseconds" -> 1;
            case "s", "second", "seconds" -> 1_000;
            case "min", "minute", "minutes" -> 60_000;
            case "h", "hour", "hours" -> 3_600_000;
            default -> throw new IllegalArgumentException("unknown unit '" + m.group(2) + "' in '" + text
                    + "'; use ms, s, min or h");
        };
        return Duration.ofMillis(Math.round(Double.parseDouble(m.group(1)) * millisPerUnit));
    }

    /** {@code 0s}, {@code 5s}, {@code 4.999s}: seconds with milliseconds when there are any. */
    static String format(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format("%d.%03ds", millis / 1000, millis % 1000);
    }
}
