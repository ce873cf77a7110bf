package org.mbmskeys.engine.dsl;

import java.time.Duration;

/**
 * What an unknown bare word or a call of an unknown word evaluates to in a structural block, after it
 * was reported: the keyword it is given to then uses a stand-in for it ({@link #standIn}), so the rest of
 * the procedure is checked as written instead of being reported again as a consequence.
 *
 * @param called true for a call ({@code sginal('x')}), false for a bare word ({@code done})
 */
record UnknownName(String name, boolean called) {

    /** Any positive delay will do: the timer's problem was reported, its block is still checked. */
    private static final Duration SOME_DELAY = Duration.ofSeconds(1);

    /**
     * What the keyword parameter of {@code type} gets instead: a bare word spells a name ({@code goTo done}
     * goes to 'done'); an event class is this class ({@code on(Unimported)}, {@code on(sginal('x'))}); a
     * duration is some delay ({@code after(secnds(5))}); else null, and the keyword is not called.
     */
    Object standIn(Class<?> type) {
        if (type == Class.class) {
            return Unresolved.class;
        }
        if (type == Duration.class) {
            return SOME_DELAY;
        }
        if (!called && type.isAssignableFrom(String.class)) {
            return name;
        }
        return null;
    }

    /** The stand-in event class; messages about its transition name it as "on(Unresolved)". */
    static final class Unresolved {
        private Unresolved() {
        }
    }
}
