package org.mbmskeys.adapters.memory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * One message as the network saw it: what was sent, to whom, and what became of it. The capture is the
 * list of these in sending order ({@link MemoryNetwork#capture()}).
 *
 * @param id position in the capture, from 1
 * @param sent when the message was sent (virtual time)
 * @param message what was sent, to which recipient; {@code message.bytes()} are the bytes as sent
 * @param fate delivered, dropped, or undeliverable
 * @param deliverAt when it is (or was) due at the recipient; empty if it never arrives or is held back
 * @param delivered the bytes that arrive (differ from the sent ones when corrupted); empty if none arrive
 * @param effects what the fault rules did, in order ("delayed PT2S", "byte 4 xor 0x01", ...); empty when none
 * @param replayOf the id of the captured message this one re-injects, if it is a replay
 */
public record Captured(int id, Instant sent, Message message, Fate fate, Optional<Instant> deliverAt,
                       Optional<Bytes> delivered, List<String> effects, Optional<Integer> replayOf) {

    /** What happened to a message. */
    public enum Fate {
        /** It arrives (perhaps late, twice, out of order or corrupted: see the effects). */
        DELIVERED,
        /** A fault rule dropped it, or the recipient was partitioned. */
        DROPPED,
        /** No node or group has the destination's host name. */
        UNDELIVERABLE
    }

    public Captured {
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fate, "fate");
        Objects.requireNonNull(deliverAt, "deliverAt");
        Objects.requireNonNull(delivered, "delivered");
        effects = List.copyOf(effects);
        Objects.requireNonNull(replayOf, "replayOf");
    }

    @Override
    public String toString() {
        return "#" + id + " " + sent + " " + message + ": " + fate + (effects.isEmpty() ? "" : " " + effects)
                + replayOf.map(r -> " (replay of #" + r + ")").orElse("");
    }
}
