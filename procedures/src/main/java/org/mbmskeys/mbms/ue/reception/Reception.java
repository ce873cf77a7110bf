package org.mbmskeys.mbms.ue.reception;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;
import org.mbmskeys.mbms.ue.keys.KeyRejection;
import org.mbmskeys.mbms.ue.keys.MskUpdate;
import org.mbmskeys.mbms.mikey.protection.MikeyRejection;

/**
 * What the UE made of one MIKEY datagram ({@link MikeyReception#receive}), TS 33.246 §6.4.6: the key it
 * stored, the MSK request it owes, the verification message to send back, or why it discarded the datagram.
 * Nothing here is ever answered with a MIKEY error message (§6.3.3.2 for MTK messages; §6.4.6.1 names none
 * for MSK messages): a discard is for the local log and listeners only.
 */
public sealed interface Reception
        permits Reception.MskStored, Reception.MskRequestNeeded, Reception.MtkStored, Reception.MtkRepeated,
        Reception.Duplicate, Reception.Discarded {

    /**
     * An MSK message verified with the current (last generated) MUK and applied (§6.4.6.1, §6.5.3): stored,
     * replaced, validity updated or invalidated, as {@link MskUpdate#change()} says.
     *
     * @param verification the RFC 3830 verification message to send back to the BM-SC, present exactly when
     *                     the V bit was set (§6.4.2, §6.4.5.2; Annex D.1: only for the last generated MUK)
     */
    record MskStored(MskUpdate update, Optional<Bytes> verification) implements Reception {
        public MskStored {
            Objects.requireNonNull(update, "update");
            Objects.requireNonNull(verification, "verification");
        }
    }

    /**
     * The UE must run the Basic MSK request (§6.3.2.2.1) for the current MSK (Key Number 0) of this Key
     * Group. The caller decides whether it wants that Key Group at all (a service it is registered to) and
     * applies the back-off (§6.3.2.2.1), except after a solicited pull.
     *
     * @param update what the message changed in the key store: present for
     *               {@link Cause#LAST_USED_MUK_PUSH} (stored per the store's rules, U15), empty otherwise
     */
    record MskRequestNeeded(KeyDomainId keyDomain, KeyGroup keyGroup, Cause cause, Optional<MskUpdate> update)
            implements Reception {
        public MskRequestNeeded {
            Objects.requireNonNull(keyDomain, "keyDomain");
            Objects.requireNonNull(keyGroup, "keyGroup");
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(update, "update");
        }

        /** Why the MSK request is needed. */
        public enum Cause {
            /**
             * §6.3.2.2.4: a verified solicited pull (Key Number 0, no key, V never set). It may be protected with
             * the last successfully used MUK, even past the GBA key lifetime (NOTE 1); the MSK request that
             * answers it waits no back-off (§6.3.2.2.1).
             */
            SOLICITED_PULL,
            /**
             * §6.3.2.3.1: an MSK push that verified only with the last successfully used MUK, not the last
             * generated one. No verification message is sent, even with V set; the MSK request makes the BM-SC
             * learn the UE's latest B-TID.
             */
            LAST_USED_MUK_PUSH,
            /**
             * §6.3.2.2.3 (missed key update): an MTK message under an MSK the UE does not hold. The MTK message
             * itself is discarded: it cannot be verified. It is not authenticated either, so the caller should
             * honour the back-off before requesting.
             */
            UNKNOWN_MSK
        }
    }

    /**
     * An MTK message verified and applied (§6.4.6.2, §6.5.4).
     *
     * @param mtk the MTK as now held, with copies of the key and salt that belong to the caller (destroy them
     *            after use)
     */
    record MtkStored(CurrentMtk mtk) implements Reception {
        public MtkStored {
            Objects.requireNonNull(mtk, "mtk");
        }
    }

    /**
     * The MTK message the UE accepted last under this MSK, again, by its counter and MTK ID: the BM-SC sends the
     * current MTK message again periodically, so that a UE that joins late or lost it gets it (§6.3.3.2.2). Nothing
     * changed and nothing is owed. Its counter is not newer, so it is not opened (§6.4.6.2 step 2): a captured copy
     * replayed lands here too, and is as harmless. Not a discard, so that normal operation does not read like an
     * attack in the UE's log; an older MTK message is {@link Discarded} with {@link KeyRejection#REPLAYED_COUNTER}.
     */
    record MtkRepeated(MskRef msk, MtkId mtkId) implements Reception {
        public MtkRepeated {
            Objects.requireNonNull(msk, "msk");
            Objects.requireNonNull(mtkId, "mtkId");
        }
    }

    /**
     * The exact bytes of the last MSK message with the V bit that the UE accepted under this MUK, again: the
     * BM-SC did not get the verification message and retransmitted (§6.4.2). Nothing changed in the key store;
     * send {@code verification} again, byte for byte the one sent the first time.
     */
    record Duplicate(Bytes verification) implements Reception {
        public Duplicate {
            Objects.requireNonNull(verification, "verification");
        }
    }

    /**
     * Silently discarded, nothing changed.
     *
     * @param stage  where the datagram was refused
     * @param reason a {@link MikeyRejection} (reading, MAC, key data), a {@link KeyRejection} (the key store's
     *               rules) or a {@link ReceptionRejection} (this class's own checks)
     * @param detail for people: which message, what was wrong; never key material
     */
    record Discarded(Stage stage, Enum<?> reason, String detail) implements Reception {
        public Discarded {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Where in the pipeline of §6.4.6 a datagram was discarded. */
    enum Stage {
        /** Decoding and classifying the bytes ({@code MikeyReader}), or a message not meant for a UE. */
        READ,
        /** Before the MAC: key lookup, replay counter, MTK ID, MUK lifetime (§6.4.6.1 steps 1-2, §6.4.6.2 1-3). */
        CHECK,
        /** The MAC and the key data (MGV-F, §6.5.3, §6.5.4). */
        OPEN,
        /** Committing to the key store after the MAC verified (a replay that raced the original). */
        APPLY
    }
}
