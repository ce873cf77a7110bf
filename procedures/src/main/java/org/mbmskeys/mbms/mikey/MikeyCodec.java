package org.mbmskeys.mbms.mikey;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * Encodes and decodes whole MIKEY messages (RFC 3830 §6): the common header, then payloads found by
 * following Next payload codes from the header on, never by fixed offsets. Stateless and thread-safe; it
 * never sees a key (protection is {@code mikey.crypto}'s job).
 *
 * <p>Decoding rules (a violation is a {@link MikeyDecodeException} naming offset and field):
 * <ul>
 *   <li>inputs longer than {@value #MAX_MESSAGE_LENGTH} bytes are rejected before parsing;</li>
 *   <li>HDR version must be 1; data type, PRF func and the other closed code spaces must hold a known value;</li>
 *   <li>Next payload codes are a closed space ({@link PayloadType}); Key data (20) is valid only inside
 *       KEMAC;</li>
 *   <li>nothing may follow a KEMAC or V payload (their MAC covers only what precedes them);</li>
 *   <li>the chain ends with Next payload 0 exactly at the end of the input: no trailing bytes;</li>
 *   <li>every length is checked against the bytes that remain.</li>
 * </ul>
 * No other exception escapes {@link #decode}. The codec is canonical: whatever decodes re-encodes to the
 * same bytes. Still, MACs are verified over {@link DecodedMikey#macInput()}, the received bytes.
 *
 * <pre>{@code
 * Bytes wire = MikeyCodec.encode(new MikeyMessage(hdr, payloads));
 * DecodedMikey in = MikeyCodec.decode(wire);
 * KemacPayload kemac = in.message().find(KemacPayload.class).orElseThrow();
 * Bytes macInput = in.macInput().orElseThrow();
 * }</pre>
 */
public final class MikeyCodec {

    /** Longest input {@link #decode} accepts and {@link #encode} produces. */
    public static final int MAX_MESSAGE_LENGTH = 0xFFFF;

    private MikeyCodec() {
    }

    /**
     * The wire bytes of {@code message}.
     *
     * @throws IllegalArgumentException if the message would exceed {@value #MAX_MESSAGE_LENGTH} bytes, or
     *                                  an EXT of type Key ID does not hold whole Key ID sub-payloads
     */
    public static Bytes encode(MikeyMessage message) {
        List<MikeyPayload> payloads = message.payloads();
        WireWriter out = new WireWriter(256);
        HeaderCodec.encode(message.header(), payloads.isEmpty() ? PayloadType.LAST.code() : payloads.get(0).type().code(), out);
        for (int i = 0; i < payloads.size(); i++) {
            out.u8(i + 1 < payloads.size() ? payloads.get(i + 1).type().code() : PayloadType.LAST.code());
            encodeBody(payloads.get(i), out);
            if (out.position() > MAX_MESSAGE_LENGTH) {
                throw new IllegalArgumentException("MIKEY message exceeds " + MAX_MESSAGE_LENGTH + " bytes at payload "
                        + i + " (" + payloads.get(i).type().label() + "); receivers reject longer messages");
            }
        }
        return Bytes.wrap(out.toArray());
    }

    /**
     * The message in {@code received}, with the received bytes and the MAC position.
     *
     * @throws MikeyDecodeException if {@code received} is not a well-formed MIKEY message
     */
    public static DecodedMikey decode(Bytes received) {
        Objects.requireNonNull(received, "received");
        if (received.length() > MAX_MESSAGE_LENGTH) {
            throw new MikeyDecodeException(0, "message", received.length() + " bytes; at most "
                    + MAX_MESSAGE_LENGTH + " are accepted");
        }
        WireReader in = WireReader.over(received.toByteArray());
        try {
            return walk(in, received);
        } catch (MikeyDecodeException e) {
            throw e;
        } catch (RuntimeException e) {
            // Defence in depth: every field is validated before a record is built, so this is a bug.
            throw new MikeyDecodeException(in.position(), "message", "internal decoder error ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static DecodedMikey walk(WireReader in, Bytes received) {
        HeaderCodec.Read hdr = HeaderCodec.decode(in);
        List<MikeyPayload> payloads = new ArrayList<>();
        OptionalInt macOffset = OptionalInt.empty();
        int next = hdr.nextPayload();
        int nextOffset = hdr.nextPayloadOffset();
        String nextField = "HDR.next payload";
        while (next != PayloadType.LAST.code()) {
            PayloadType type = typeOf(next, nextOffset, nextField);
            int start = in.position();
            nextField = type.label() + ".next payload";
            int following = in.u8(nextField);
            MikeyPayload payload = decodeBody(type, in);
            if ((type == PayloadType.KEMAC || type == PayloadType.V) && following != PayloadType.LAST.code()) {
                throw in.malformedAt(start, nextField, type.label() + " must be the last payload (its MAC covers only "
                        + "what precedes it), but next payload is " + following);
            }
            if (payload instanceof KemacPayload k) {
                macOffset = OptionalInt.of(in.position() - k.mac().length());
            } else if (payload instanceof VerificationPayload v) {
                macOffset = OptionalInt.of(in.position() - v.verificationData().length());
            }
            payloads.add(payload);
            next = following;
            nextOffset = start;
        }
        if (!in.atEnd()) {
            throw in.malformedHere("after last payload", in.remaining() + " trailing byte"
                    + (in.remaining() == 1 ? "" : "s") + "; the chain ended "
                    + "(next payload 0) before the end of the input");
        }
        return new DecodedMikey(new MikeyMessage(hdr.header(), payloads), received, macOffset);
    }

    private static PayloadType typeOf(int code, int offset, String field) {
        PayloadType type = PayloadType.ofCode(code).orElse(null);
        if (type == null) {
            throw new MikeyDecodeException(offset, field, "unknown or unsupported payload type " + code
                    + "; allowed: " + PayloadType.CODES.allowed());
        }
        if (type == PayloadType.KEY_DATA) {
            throw new MikeyDecodeException(offset, field, "Key data sub-payloads (20) occur only inside the KEMAC "
                    + "Encr data, not in the payload chain");
        }
        return type;
    }

    private static MikeyPayload decodeBody(PayloadType type, WireReader in) {
        return switch (type) {
            case T -> TimestampCodec.INSTANCE.decode(in);
            case RAND -> RandCodec.INSTANCE.decode(in);
            case ID -> IdCodec.INSTANCE.decode(in);
            case SP -> SecurityPolicyCodec.INSTANCE.decode(in);
            case GENERAL_EXTENSION -> ExtensionCodec.INSTANCE.decode(in);
            case KEMAC -> KemacCodec.INSTANCE.decode(in);
            case V -> VerificationCodec.INSTANCE.decode(in);
            case ERR -> ErrorCodec.INSTANCE.decode(in);
            case LAST, KEY_DATA -> throw new AssertionError(type + " is not a payload; typeOf() filters it");
        };
    }

    private static void encodeBody(MikeyPayload p, WireWriter out) {
        switch (p.type()) {
            case T -> TimestampCodec.INSTANCE.encode((TimestampPayload) p, out);
            case RAND -> RandCodec.INSTANCE.encode((RandPayload) p, out);
            case ID -> IdCodec.INSTANCE.encode((IdPayload) p, out);
            case SP -> SecurityPolicyCodec.INSTANCE.encode((SecurityPolicyPayload) p, out);
            case GENERAL_EXTENSION -> ExtensionCodec.INSTANCE.encode((GeneralExtensionPayload) p, out);
            case KEMAC -> KemacCodec.INSTANCE.encode((KemacPayload) p, out);
            case V -> VerificationCodec.INSTANCE.encode((VerificationPayload) p, out);
            case ERR -> ErrorCodec.INSTANCE.encode((ErrorPayload) p, out);
            case LAST, KEY_DATA -> throw new AssertionError(p.type() + " is not a payload type a record can have");
        }
    }
}
