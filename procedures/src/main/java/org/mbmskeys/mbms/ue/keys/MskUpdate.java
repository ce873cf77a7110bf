package org.mbmskeys.mbms.ue.keys;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;

/**
 * The result of an accepted MSK message: what happened to which MSK, which older MSK of the same Key
 * Domain ID and Key Group was deleted to keep at most two (TS 33.246 §6.5.3), if any, and what the UE
 * answers.
 */
public record MskUpdate(MskChange change, MskRef msk, Optional<MskRef> evicted, Answer answer) {

    /** What the UE does next (TS 33.246 §6.3.2.3.1, §6.4.2, Annex D.1). */
    public enum Answer {
        /**
         * The message verified with the last generated (current) MUK: send a MIKEY verification message if
         * the V bit asks for one (§6.4.2, Annex D.1).
         */
        ACK_IF_ASKED,
        /**
         * The message verified only with the last successfully used MUK: send no verification message and
         * request the current MSK of the Key Group, as after a solicited pull (§6.3.2.3.1), so that the
         * BM-SC learns the last B-TID.
         */
        REQUEST_MSK_NO_ACK
    }

    public MskUpdate {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(msk, "msk");
        Objects.requireNonNull(evicted, "evicted");
        Objects.requireNonNull(answer, "answer");
    }

    /**
     * The "current MSK" of the message's Key Group (Key Number 0, §6.3.2.2.1) to request, when the answer
     * is {@link Answer#REQUEST_MSK_NO_ACK}.
     */
    public Optional<MskRef> mskToRequest() {
        return answer == Answer.REQUEST_MSK_NO_ACK
                ? Optional.of(MskRef.of(msk.keyDomain(), MskId.current(msk.keyGroup())))
                : Optional.empty();
    }
}
