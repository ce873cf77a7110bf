package org.mbmskeys.mbms.gba.simulated;


import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * What the USIM answers to an AKA challenge (TS 33.102 §6.3.3): RES, CK and IK, or one of the two
 * failures the USIM reports. {@code toString} shows no key and no RES.
 */
public sealed interface AkaResult {

    /** AUTN was genuine and fresh: the USIM's response and session keys. */
    record Success(Bytes res, SecretBytes ck, SecretBytes ik) implements AkaResult {
        public Success {
            Objects.requireNonNull(res, "res");
            Objects.requireNonNull(ck, "ck");
            Objects.requireNonNull(ik, "ik");
        }

        @Override
        public String toString() {
            return "Success[RES " + res.length() + " bytes, CK " + ck + ", IK " + ik + "]";
        }
    }

    /** The MAC in AUTN did not verify: the challenge is not from the subscriber's home network (or K/OPc differ). */
    record MacFailure() implements AkaResult {
    }

    /**
     * The MAC verified but SQN was not fresh. {@code auts} = (SQN_MS ⊕ AK*) ‖ MAC-S (14 bytes) lets the
     * home network resynchronise (TS 33.102 §6.3.5).
     */
    record SyncFailure(Bytes auts) implements AkaResult {
        public SyncFailure {
            Objects.requireNonNull(auts, "auts");
        }
    }
}
