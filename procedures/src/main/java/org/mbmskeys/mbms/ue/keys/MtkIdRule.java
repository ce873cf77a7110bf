package org.mbmskeys.mbms.ue.keys;

import java.util.Optional;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MtkId;

/**
 * Which MTK IDs a UE accepts under an MSK, in the order the texts check them:
 * <ol>
 *   <li>the ME: "If the MTK ID extracted from the Extension payload is less than or equal to the current
 *       MTK ID (kept in the ME), the message shall be discarded" (TS 33.246 §6.4.6.2 step 3), else
 *       {@link KeyRejection#STALE_MTK_ID};</li>
 *   <li>the MGV-F: SEQl &lt; SEQp ≤ SEQu (§6.5.4, {@link KeyValidity#admits}), else
 *       {@link KeyRejection#OUTSIDE_VALIDITY}.</li>
 * </ol>
 * Both compare MTK IDs as plain 2-byte unsigned numbers (§6.3.3.1, §6.5.4; see {@link MtkId}). The two
 * views are kept apart because a key validity update replaces SEQl (it may lower it again) while the
 * ME's current MTK ID stays.
 */
final class MtkIdRule {

    private MtkIdRule() {
    }

    /** Empty if {@code candidate} is acceptable; else {@code STALE_MTK_ID} or {@code OUTSIDE_VALIDITY}. */
    static Optional<KeyRejection> check(KeyValidity validity, Optional<MtkId> currentMtkId, MtkId candidate) {
        if (currentMtkId.isPresent() && !candidate.isAfter(currentMtkId.get())) {
            return Optional.of(KeyRejection.STALE_MTK_ID);
        }
        if (!validity.admits(candidate)) {
            return Optional.of(KeyRejection.OUTSIDE_VALIDITY);
        }
        return Optional.empty();
    }
}
