package org.mbmskeys.engine.model;

import java.util.Objects;

/** The event the runtime delivers when a state's timer falls due. */
public record TimerFired(String timer) {

    public TimerFired {
        Objects.requireNonNull(timer, "timer");
    }
}
