package org.mbmskeys.benchmarks.engine;

/**
 * The one event of the {@code bench.ring} procedure: each state goes to the next on it. Public because
 * the procedure script names it. One shared instance is sent, so the producer allocates nothing for the
 * event itself.
 */
public record Advance() {

    /** The event every benchmark sends. */
    public static final Advance INSTANCE = new Advance();
}
