package org.mbmskeys.mbms.bmsc.distribution;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Virtual time for tests: moves only when told. */
final class MutableClock implements InstantSource {

    private Instant now;

    MutableClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    void set(Instant instant) {
        now = instant;
    }
}
