package org.mbmskeys.mbms.bmsc.registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.services.Membership;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.bmsc.services.UserServices;
import org.mbmskeys.mbms.gba.BTid;

/**
 * The in-memory registration storage's compare-and-set answers (a lost race answers false and changes nothing),
 * its B-TID and per-service look-ups as records move, and the paging of {@code registeredTo}; the MIKEY port of
 * {@link Registrations} at its bounds. Its storage cases are also in adapters/jdbc's {@code RegistrationStorageContract},
 * which runs them on every storage; they stay here too because mutation testing of this module counts only its own
 * tests (docs/mutation-testing.md).
 */
class RegistrationStorageAnswersItsCompareAndSetTest {

    private static final ServiceId NEWS = ServiceId.of("urn:example:news");
    private static final ServiceId SPORT = ServiceId.of("urn:example:sport");
    private static final BTid BTID_1 = BTid.parse("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");
    private static final BTid BTID_2 = BTid.parse("AAECAwQFBgcICQoLDA0ODw==@bsf.example.org");
    private static final Endpoint FROM = Endpoint.of("ue.example.org", 40000);

    private final RegistrationStorage storage = RegistrationStorage.inMemory();

    private static String impi(int n) {
        return "00101000000000" + n + "@ims.mnc001.mcc001.3gppnetwork.org";
    }

    private static Registration of(int n, BTid bTid, ServiceId... services) {
        return new Registration(impi(n), bTid, FROM, Set.of(services), Optional.empty());
    }

    @Test
    void anInsertForAnImpiAlreadyStoredAnswersFalseAndKeepsTheStoredRecord() {
        Registration first = of(1, BTID_1, NEWS);
        assertThat(storage.insert(first)).isTrue();

        assertThat(storage.insert(of(1, BTID_2, SPORT))).isFalse();

        assertThat(storage.find(impi(1))).contains(first);
        assertThat(storage.findByBTid(BTID_2)).isEmpty();
        assertThat(storage.registeredTo(SPORT, Optional.empty(), 10)).isEmpty();
        assertThat(storage.count()).isEqualTo(1);
    }

    @Test
    void aReplaceOrRemoveOfAStaleRecordAnswersFalseAndChangesNothing() {
        Registration first = of(1, BTID_1, NEWS);
        storage.insert(first);
        Registration stale = of(1, BTID_1, SPORT);

        assertThat(storage.replace(stale, of(1, BTID_2, SPORT))).isFalse();
        assertThat(storage.remove(stale)).isFalse();
        assertThat(storage.replace(of(2, BTID_1, NEWS), of(2, BTID_2, NEWS))).isFalse();   // nothing stored
        assertThat(storage.remove(of(2, BTID_1, NEWS))).isFalse();

        assertThat(storage.find(impi(1))).contains(first);
        assertThat(storage.findByBTid(BTID_1)).contains(first);
        assertThat(storage.registeredTo(NEWS, Optional.empty(), 10)).containsExactly(impi(1));
        assertThatThrownBy(() -> storage.replace(first, of(2, BTID_1, NEWS))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReplaceMovesTheBTidAndServiceLookUpsAndARemoveDropsThem() {
        Registration first = of(1, BTID_1, NEWS);
        storage.insert(first);
        Registration next = of(1, BTID_2, SPORT);

        assertThat(storage.replace(first, next)).isTrue();

        assertThat(storage.find(impi(1))).contains(next);
        assertThat(storage.findByBTid(BTID_1)).isEmpty();
        assertThat(storage.findByBTid(BTID_2)).contains(next);
        assertThat(storage.registeredTo(NEWS, Optional.empty(), 10)).isEmpty();
        assertThat(storage.registeredTo(SPORT, Optional.empty(), 10)).containsExactly(impi(1));

        assertThat(storage.remove(next)).isTrue();

        assertThat(storage.find(impi(1))).isEmpty();
        assertThat(storage.findByBTid(BTID_2)).isEmpty();
        assertThat(storage.registeredTo(SPORT, Optional.empty(), 10)).isEmpty();
        assertThat(storage.count()).isZero();
    }

    @Test
    void aBTidThatMovedToAnotherUeIsFoundForThatUeOnly() {
        storage.insert(of(1, BTID_1, NEWS));
        Registration second = of(2, BTID_1, NEWS);
        storage.insert(second);

        assertThat(storage.findByBTid(BTID_1)).contains(second);
        assertThat(storage.findByBTid(BTID_2)).isEmpty();
    }

    @Test
    void registeredToPagesInImpiOrderAfterTheGivenImpiUpToTheLimit() {
        for (int n = 1; n <= 5; n++) {
            storage.insert(of(n, BTID_1, NEWS));
        }

        assertThat(storage.registeredTo(NEWS, Optional.empty(), 2)).containsExactly(impi(1), impi(2));
        assertThat(storage.registeredTo(NEWS, Optional.of(impi(2)), 2)).containsExactly(impi(3), impi(4));
        assertThat(storage.registeredTo(NEWS, Optional.of(impi(4)), 2)).containsExactly(impi(5));
        assertThat(storage.registeredTo(NEWS, Optional.empty(), 1)).containsExactly(impi(1));
        assertThat(storage.registeredTo(NEWS, Optional.empty(), 0)).isEmpty();
        assertThat(storage.registeredTo(SPORT, Optional.empty(), 5)).isEmpty();
        assertThatThrownBy(() -> storage.registeredTo(NEWS, Optional.empty(), -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> storage.registeredTo(SPORT, Optional.empty(), -1)).as("a service nobody registered to")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    void aRegistrationToNoServiceIsRefused() {
        assertThatThrownBy(() -> of(1, BTID_1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no MBMS User Service");
    }

    @Test
    void theMikeyPortIsAcceptedFrom1To65535() {
        UserServices services = new UserServices();
        assertThat(Registrations.create(storage, services, Membership.open(), 1).mikeyPort()).isEqualTo(1);
        assertThat(Registrations.create(storage, services, Membership.open(), 65535).mikeyPort()).isEqualTo(65535);
        assertThat(Registrations.create(storage, services, Membership.open()).mikeyPort()).isEqualTo(2269);
        assertThatThrownBy(() -> Registrations.create(storage, services, Membership.open(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Registrations.create(storage, services, Membership.open(), 65536))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
