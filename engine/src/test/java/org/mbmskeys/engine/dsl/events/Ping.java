package org.mbmskeys.engine.dsl.events;

/** A test event with a JavaBean getter. */
public final class Ping {
    private final String id;

    public Ping(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }
}
