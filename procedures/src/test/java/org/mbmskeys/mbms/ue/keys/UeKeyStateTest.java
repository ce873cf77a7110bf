package org.mbmskeys.mbms.ue.keys;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;

/** The UE's key state refuses what MGV-S never holds. */
class UeKeyStateTest {

    @Test
    void stateRefusesAThirdMskOfAKeyGroup() {
        KeyDomainId domain = KeyDomainId.parse("001-01");
        Map<MskRef, StoredMsk> three = new HashMap<>();
        for (int n = 1; n <= 3; n++) {
            MskRef ref = MskRef.of(domain, MskId.of(1, n));
            three.put(ref, new StoredMsk(ref, UeFixtures.MSK_A, UeFixtures.VALIDITY, UeFixtures.RAND, ServiceType.STREAMING,
                    UeFixtures.MUK_ID, 1, TimestampCounter.of(n), Optional.empty(), Optional.empty()));
        }
        assertThatThrownBy(() -> new UeKeyState(Optional.empty(), Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), 0, three, List.of(), Set.of(), Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than two MSKs");
    }
}
