package org.mbmskeys.engine.dsl.events;

/** A role service for the tests of the {@code service} keyword. */
public interface Greeter {

    String greet(Object who);

    default boolean knows(Object who) {
        return true;
    }
}
