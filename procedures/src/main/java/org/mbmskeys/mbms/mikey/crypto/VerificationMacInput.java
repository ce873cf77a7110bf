package org.mbmskeys.mbms.mikey.crypto;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * The bytes the verification (V) MAC of a MIKEY ACK covers. The one place this layout is decided.
 *
 * <p>RFC 3830 §5.2 MACs the response message followed by the identities and timestamp of the initiator's
 * message; TS 33.246 §6.4.5.2 says these are identical to those in the ID and T payloads of the MSK
 * message. The layout this side sends ({@link Reading#SENT}), in the natural reading of both:
 *
 * <pre>
 * ACK message without its 20 MAC bytes ‖ IDi data ‖ IDr data ‖ T value (4 bytes, big-endian COUNTER)
 * </pre>
 *
 * IDi and IDr are the "ID data" fields (no type or length bytes) of the MSK message's ID payloads; T is the
 * COUNTER of the MSK message the ACK answers (which the ACK also echoes). The one RFC 3830 stack read that appends
 * "Identity_i || Identity_r || Timestamp" anywhere, minisip's signature input ({@code MikeyPayloads::buildSignData}),
 * appends the ID data fields too, not the whole payloads, and the timestamp's value.
 *
 * <p>The texts leave two points open, and a peer may read them otherwise: whether T enters as the 4 bytes
 * transported or padded to 64 bits (RFC 3830 §6.6 pads the COUNTER "when used as input for the default PRF"),
 * and whether the identities enter at all (one RFC 3830 stack, minisip, MACs the response and an 8-byte T
 * only). {@link Reading} names the four layouts these give; the BM-SC accepts an ACK under any of them.
 */
@Unconfirmed("U16: V-MAC input as the response ‖ IDi data ‖ IDr data ‖ counter (RFC 3830 §5.2, TS 33.246 "
        + "§6.4.5.2); whether the ID data or the whole ID payloads enter it is not said")
public final class VerificationMacInput {

    /** A reading of the MAC input: with or without the identities, and T as 4 or 8 bytes. */
    public enum Reading {
        /** response ‖ IDi data ‖ IDr data ‖ T (4 bytes): what this side sends. */
        IDS_AND_COUNTER_32(true, 4),
        /** response ‖ IDi data ‖ IDr data ‖ T padded to 8 bytes (RFC 3830 §6.6's padding). */
        IDS_AND_COUNTER_64(true, 8),
        /** response ‖ T (4 bytes): the identities left out. */
        COUNTER_32(false, 4),
        /** response ‖ T padded to 8 bytes, no identities (as minisip MACs a PSK response). */
        COUNTER_64(false, 8);

        /** The reading this side's UE uses when it builds an ACK. */
        public static final Reading SENT = IDS_AND_COUNTER_32;

        private final boolean identities;
        private final int counterBytes;

        Reading(boolean identities, int counterBytes) {
            this.identities = identities;
            this.counterBytes = counterBytes;
        }
    }

    private VerificationMacInput() {
    }

    /** The MAC input as this side sends it ({@link Reading#SENT}). */
    public static Bytes of(Bytes ackWithoutMac, Bytes idi, Bytes idr, TimestampCounter counter) {
        return Bytes.wrap(layout(ackWithoutMac, idi, idr, counter, Reading.SENT));
    }

    /** The MAC input under {@code reading}. */
    public static Bytes of(Bytes ackWithoutMac, Bytes idi, Bytes idr, TimestampCounter counter, Reading reading) {
        return Bytes.wrap(layout(ackWithoutMac, idi, idr, counter, reading));
    }

    static byte[] layout(Bytes ackWithoutMac, Bytes idi, Bytes idr, TimestampCounter counter, Reading reading) {
        Objects.requireNonNull(ackWithoutMac, "ackWithoutMac");
        Objects.requireNonNull(idi, "idi");
        Objects.requireNonNull(idr, "idr");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(reading, "reading");
        int ids = reading.identities ? idi.length() + idr.length() : 0;
        byte[] out = new byte[ackWithoutMac.length() + ids + reading.counterBytes];
        int at = 0;
        ackWithoutMac.copyTo(out, at);
        at += ackWithoutMac.length();
        if (reading.identities) {
            idi.copyTo(out, at);
            at += idi.length();
            idr.copyTo(out, at);
            at += idr.length();
        }
        at += reading.counterBytes - 4;   // leading zeros of the 64-bit form
        long t = counter.value();
        out[at] = (byte) (t >>> 24);
        out[at + 1] = (byte) (t >>> 16);
        out[at + 2] = (byte) (t >>> 8);
        out[at + 3] = (byte) t;
        return out;
    }
}
