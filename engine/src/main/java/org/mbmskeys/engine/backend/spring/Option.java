package org.mbmskeys.engine.backend.spring;

/** A {@link Route} as seen from one leaf state: with the exits that depend on where the instance is. */
final class Option {

    final Route route;
    /** States exited by the external move, innermost first; null for an internal one. */
    final int[] exits;
    /** States exited by a retry: the leaf up to and including the source; null without a retry. */
    final int[] retryExits;

    Option(Route route, int[] exits, int[] retryExits) {
        this.route = route;
        this.exits = exits;
        this.retryExits = retryExits;
    }
}
