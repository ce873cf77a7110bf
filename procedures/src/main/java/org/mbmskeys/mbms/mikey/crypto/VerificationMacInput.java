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
 * message. The layout, in the natural reading of both:
 *
 * <pre>
 * ACK message without its 20 MAC bytes ‖ IDi data ‖ IDr data ‖ T value (4 bytes, big-endian COUNTER)
 * </pre>
 *
 * IDi and IDr are the "ID data" fields (no type or length bytes) of the MSK message's ID payloads; T is the
 * COUNTER of the MSK message the ACK answers (which the ACK also echoes).
 */
@Unconfirmed("U16: V-MAC input as the response ‖ IDi data ‖ IDr data ‖ counter (RFC 3830 §5.2, TS 33.246 "
        + "§6.4.5.2); whether the ID data or the whole ID payloads enter it is not said")
public final class VerificationMacInput {

    private VerificationMacInput() {
    }

    /** The MAC input, laid out as described above. */
    public static Bytes of(Bytes ackWithoutMac, Bytes idi, Bytes idr, TimestampCounter counter) {
        return Bytes.wrap(layout(ackWithoutMac, idi, idr, counter));
    }

    static byte[] layout(Bytes ackWithoutMac, Bytes idi, Bytes idr, TimestampCounter counter) {
        Objects.requireNonNull(ackWithoutMac, "ackWithoutMac");
        Objects.requireNonNull(idi, "idi");
        Objects.requireNonNull(idr, "idr");
        Objects.requireNonNull(counter, "counter");
        byte[] out = new byte[ackWithoutMac.length() + idi.length() + idr.length() + 4];
        int at = 0;
        ackWithoutMac.copyTo(out, at);
        at += ackWithoutMac.length();
        idi.copyTo(out, at);
        at += idi.length();
        idr.copyTo(out, at);
        at += idr.length();
        long t = counter.value();
        out[at] = (byte) (t >>> 24);
        out[at + 1] = (byte) (t >>> 16);
        out[at + 2] = (byte) (t >>> 8);
        out[at + 3] = (byte) t;
        return out;
    }
}
