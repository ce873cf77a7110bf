package org.mbmskeys.mbms.ue.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_A;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_B;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_2;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.NEW_MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.RAND;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.VALIDITY;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.counter;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.ref;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * {@link MskAge#older}: which of the two MSKs of a Key Group the third one replaces (TS 33.246 §6.5.3), whatever
 * order the store hands them in.
 */
class MskAgeTest {

    private static final Map<Bytes, StoredGbaKey> NEW_MUK_LAST_USED =
            Map.of(NEW_MUK_ID.idi(), new StoredGbaKey(NEW_MUK_ID, MUK));

    @Test
    void withTheSameMukTheLowerCounterIsTheOlderInEitherOrder() {
        StoredMsk first = msk(MSK_ID_2, MUK_ID, 7);
        StoredMsk later = msk(MSK_ID_1, MUK_ID, 8);

        assertThat(MskAge.older(first, later, Map.of())).isSameAs(first);
        assertThat(MskAge.older(later, first, Map.of())).isSameAs(first);
    }

    @Test
    void anMskUnderTheLastUsedMukIsTheNewerWhateverItsCounter() {
        StoredMsk underOldMuk = msk(MSK_ID_1, MUK_ID, 900);
        StoredMsk underLastUsedMuk = msk(MSK_ID_2, NEW_MUK_ID, 1);

        assertThat(MskAge.older(underOldMuk, underLastUsedMuk, NEW_MUK_LAST_USED)).isSameAs(underOldMuk);
        assertThat(MskAge.older(underLastUsedMuk, underOldMuk, NEW_MUK_LAST_USED)).isSameAs(underOldMuk);
    }

    /** {@link UeKeyStore#msks()} lists a group's MSKs older first, by the same rule, whichever it compares first. */
    @Test
    void theListingOrderPutsTheOlderFirstFromEitherSide() {
        StoredMsk older = msk(MSK_ID_2, MUK_ID, 7);
        StoredMsk newer = msk(MSK_ID_1, MUK_ID, 8);

        assertThat(MskAge.olderFirst(Map.of()).compare(older, newer)).isNegative();
        assertThat(MskAge.olderFirst(Map.of()).compare(newer, older)).isPositive();
    }

    /** Neither is newer (same MUK, same counter: no store builds this, the order must not depend on the call). */
    @Test
    void whenNeitherIsNewerTheLowerKeyNumberIsTheOlder() {
        StoredMsk one = msk(MSK_ID_1, MUK_ID, 5);
        StoredMsk two = msk(MSK_ID_2, MUK_ID, 5);

        assertThat(MskAge.older(one, two, Map.of())).isSameAs(one);
        assertThat(MskAge.older(two, one, Map.of())).isSameAs(one);
    }

    private static StoredMsk msk(MskId id, MukId protectedBy, long counter) {
        return new StoredMsk(ref(id), id.keyNumber() == 1 ? MSK_A : MSK_B, VALIDITY, RAND, ServiceType.STREAMING,
                protectedBy, 1, counter(counter), Optional.empty(), Optional.empty());
    }
}
