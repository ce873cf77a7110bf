package org.mbmskeys.mbms.keys;

import java.util.Optional;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * Which MTK IDs a UE accepts under an MSK. The seed (TS 33.246 §6.4.6.2 step 3) only says "MTK ID ≤
 * current MTK ID → discard", and §6.5.3 says SEQl "defines SEQs"; read together they would reject SEQl
 * itself. The project rule: SEQl ≤ MTK ID ≤ SEQu, and MTK ID &gt; the last accepted MTK ID, with no last
 * accepted ID before the first MTK, so SEQl is acceptable as the first (plain comparison, see
 * {@link MtkId}).
 */
@Unconfirmed("SEQs initialisation and the SEQl..SEQu bound on MTK IDs at the UE; PROFILE.md §3.3 open point, §9 item 6, §10 'MTK IDs'")
final class MtkIdRule {

    private MtkIdRule() {
    }

    /** Empty if {@code candidate} is acceptable; else {@code OUTSIDE_VALIDITY} or {@code STALE_MTK_ID}. */
    static Optional<KeyRejection> check(KeyValidity validity, Optional<MtkId> lastAccepted, MtkId candidate) {
        if (!validity.contains(candidate)) {
            return Optional.of(KeyRejection.OUTSIDE_VALIDITY);
        }
        if (lastAccepted.isPresent() && !candidate.isAfter(lastAccepted.get())) {
            return Optional.of(KeyRejection.STALE_MTK_ID);
        }
        return Optional.empty();
    }
}
