package org.mbmskeys.mbms.mikey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole MIKEY message (RFC 3830 §6): the common header plus the payload chain in wire order. The Next
 * payload bytes are implied by the order.
 *
 * <p>A payload carrying a MAC over the message (KEMAC, V) must be last: the MAC covers only what precedes
 * it, so anything after it would be unauthenticated (cf. ice4j #309).
 *
 * <pre>{@code
 * MikeyMessage msg = new MikeyMessage(hdr, List.of(keyIdExt, t, rand, idi, idr, kemac));
 * Optional<RandPayload> rand = msg.find(RandPayload.class);
 * List<IdPayload> ids = msg.findAll(IdPayload.class);     // IDi, IDr in order
 * }</pre>
 */
public record MikeyMessage(CommonHeader header, List<MikeyPayload> payloads) {

    /**
     * @throws IllegalArgumentException if a KEMAC or V payload is followed by another payload
     */
    public MikeyMessage {
        Objects.requireNonNull(header, "header");
        payloads = List.copyOf(payloads);
        for (int i = 0; i + 1 < payloads.size(); i++) {
            PayloadType t = payloads.get(i).type();
            if (t == PayloadType.KEMAC || t == PayloadType.V) {
                throw new IllegalArgumentException(t.label() + " at position " + i + " must be the last payload "
                        + "(its MAC covers only what precedes it); " + (payloads.size() - i - 1) + " payloads follow it");
            }
        }
    }

    /** The first payload of {@code kind}, if any. */
    public <P extends MikeyPayload> Optional<P> find(Class<P> kind) {
        for (MikeyPayload p : payloads) {
            if (kind.isInstance(p)) {
                return Optional.of(kind.cast(p));
            }
        }
        return Optional.empty();
    }

    /** All payloads of {@code kind}, in wire order. */
    public <P extends MikeyPayload> List<P> findAll(Class<P> kind) {
        // A plain loop: MikeyReader calls this several times per inbound message, and a stream pipeline
        // costs more than the whole scan (docs/benchmarks.md).
        List<P> found = new ArrayList<>(2);
        for (MikeyPayload p : payloads) {
            if (kind.isInstance(p)) {
                found.add(kind.cast(p));
            }
        }
        return Collections.unmodifiableList(found);
    }

    /** The last payload, if there is one. */
    public Optional<MikeyPayload> last() {
        return payloads.isEmpty() ? Optional.empty() : Optional.of(payloads.get(payloads.size() - 1));
    }
}
