package org.mbmskeys.engine.model;

import java.time.Duration;

/** Short human text for timer delays in messages: 500ms, 5s, 2m, 1h30m, 1m0.5s. */
public final class Durations {

    private Durations() {
    }

    public static String format(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return d.toString();
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0 && d.toNanos() % 1_000_000 == 0) {
            return d.toMillis() + "ms";
        }
        StringBuilder out = new StringBuilder();
        long hours = d.toHours();
        int minutes = d.toMinutesPart();
        int seconds = d.toSecondsPart();
        int millis = d.toMillisPart();
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (minutes > 0) {
            out.append(minutes).append('m');
        }
        if (seconds > 0 || millis > 0) {
            out.append(seconds);
            if (millis > 0) {
                out.append('.').append(String.format("%03d", millis).replaceAll("0+$", ""));
            }
            out.append('s');
        }
        return out.length() == 0 ? d.toString() : out.toString();
    }
}
