package org.mbmskeys.mbms.mikey;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * A decoded message together with the exact bytes it was decoded from, and where its MAC sits.
 *
 * <p>MAC verification must run over the <em>received</em> bytes ({@link #macInput()}), never over a
 * re-encoding: a re-encoding could hide a difference the sender's MAC does not cover (ice4j
 * verifies over {@code locationInMessage} for the same reason).
 *
 * @param macOffset offset in {@code received} of the MAC field of the last payload, when that payload is
 *                  a KEMAC (its MAC) or a V (its verification data); absent otherwise. With MAC alg NULL
 *                  the field is empty and the offset is the message length.
 */
public record DecodedMikey(MikeyMessage message, Bytes received, OptionalInt macOffset) {

    /**
     * @throws IllegalArgumentException if {@code macOffset} lies outside {@code received}
     */
    public DecodedMikey {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(macOffset, "macOffset");
        if (macOffset.isPresent() && (macOffset.getAsInt() < 0 || macOffset.getAsInt() > received.length())) {
            throw new IllegalArgumentException("MAC offset " + macOffset.getAsInt() + " lies outside the "
                    + received.length() + " received bytes");
        }
    }

    /** The received bytes before the MAC field: what the KEMAC MAC or V verification data is computed over. */
    public Optional<Bytes> macInput() {
        return macOffset.isPresent() ? Optional.of(received.slice(0, macOffset.getAsInt())) : Optional.empty();
    }

    /** The MAC field as received (empty bytes for MAC alg NULL). */
    public Optional<Bytes> receivedMac() {
        if (macOffset.isEmpty()) {
            return Optional.empty();
        }
        int at = macOffset.getAsInt();
        return Optional.of(received.slice(at, received.length() - at));
    }
}
