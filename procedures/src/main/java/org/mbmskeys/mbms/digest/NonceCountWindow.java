package org.mbmskeys.mbms.digest;

import java.util.Optional;

/**
 * The nonce-counts accepted with one nonce: the highest, and which of the {@value #WIDTH} below it. RFC 2617 §3.2.2
 * (and RFC 7616 §3.4) calls a request a replay when "the same nc-value is seen twice", not when it is lower than one
 * seen: a client that sends two requests under one nonce on two connections (a registration and an MSK request)
 * may have them arrive in either order. So a count below the highest is accepted once, as long as it lies within
 * the window; one older than that is refused as a replay (a count that old means far more requests in flight under
 * one nonce than a UE ever has).
 *
 * @param highest    the highest nc accepted
 * @param seenBelow  bit {@code i} set: nc {@code highest - 1 - i} was accepted
 */
public record NonceCountWindow(long highest, long seenBelow) {

    /** How many counts below the highest are remembered. */
    public static final int WIDTH = 64;

    /** The window after the first use of a nonce, with {@code nc}. */
    public static NonceCountWindow first(long nc) {
        return new NonceCountWindow(nc, 0);
    }

    /** The window with {@code nc} accepted too; empty if it was accepted before or is below the window (a replay). */
    public Optional<NonceCountWindow> accept(long nc) {
        if (nc > highest) {
            long shift = nc - highest;
            long moved = shift >= WIDTH ? 0 : seenBelow << shift;
            long oldHighest = shift > WIDTH ? 0 : 1L << (shift - 1);
            return Optional.of(new NonceCountWindow(nc, moved | oldHighest));
        }
        long below = highest - 1 - nc;   // -1 for nc == highest
        if (below < 0 || below >= WIDTH || (seenBelow & (1L << below)) != 0) {
            return Optional.empty();
        }
        return Optional.of(new NonceCountWindow(highest, seenBelow | (1L << below)));
    }
}
