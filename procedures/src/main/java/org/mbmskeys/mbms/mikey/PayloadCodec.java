package org.mbmskeys.mbms.mikey;

/**
 * Body codec for one payload kind: everything after the payload's Next payload byte, which the chain
 * walker in {@link MikeyCodec} owns. {@code decode} and {@code encode} mirror each other field by field.
 */
interface PayloadCodec<P extends MikeyPayload> {

    /** Reads one payload body; throws only {@link MikeyDecodeException}, and validates before constructing. */
    P decode(WireReader in);

    void encode(P payload, WireWriter out);
}
