package org.mbmskeys.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.registrations.LastMuk;
import org.mbmskeys.mbms.bmsc.registrations.Registration;
import org.mbmskeys.mbms.bmsc.registrations.RegistrationStorage;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.gba.BTid;

/**
 * The {@link RegistrationStorage} contract (the expectations of the in-memory storage's tests in procedures):
 * compare-and-set answers, B-TID and per-service look-ups as records move, paging in IMPI order. Run against
 * the in-memory storage, H2 and PostgreSQL by the subclasses.
 */
abstract class RegistrationStorageContract {

    static final ServiceId NEWS = ServiceId.of("urn:example:news");
    static final ServiceId SPORT = ServiceId.of("urn:example:sport");
    static final BTid BTID_1 = BTid.parse("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");
    static final BTid BTID_2 = BTid.parse("AAECAwQFBgcICQoLDA0ODw==@bsf.example.org");
    static final Endpoint FROM = Endpoint.of("ue.example.org", 40000);

    private RegistrationStorage storage;

    /** A new, empty storage for one test. */
    abstract RegistrationStorage newStorage();

    @BeforeEach
    void openStorage() {
        storage = newStorage();
    }

    static String impi(int n) {
        return "00101000000000" + n + "@ims.mnc001.mcc001.3gppnetwork.org";
    }

    static Registration of(int n, BTid bTid, ServiceId... services) {
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
        assertThat(storage.registeredTo(NEWS, Optional.empty(), 0)).isEmpty();
        assertThat(storage.registeredTo(SPORT, Optional.empty(), 5)).isEmpty();
        assertThatThrownBy(() -> storage.registeredTo(NEWS, Optional.empty(), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    void pagingFollowsJavaStringOrderAlsoForCaseAndPunctuation() {
        // A database collation (e.g. en_US on PostgreSQL) would sort these differently from String.compareTo.
        String[] impis = {"a.b@x.org", "a_b@x.org", "aB@x.org", "ab@x.org", "Ab@x.org"};
        for (String impi : impis) {
            storage.insert(new Registration(impi, BTID_1, FROM, Set.of(NEWS), Optional.empty()));
        }

        assertThat(storage.registeredTo(NEWS, Optional.empty(), 10))
                .containsExactly(java.util.Arrays.stream(impis).sorted().toArray(String[]::new));
    }

    @Test
    void everyFieldOfARegistrationComesBackEqual() {
        Registration full = new Registration("user+tag@ims.example.org", BTID_2, Endpoint.of("2001:db8::1", 5000),
                4000, Set.of(NEWS, SPORT, ServiceId.of("urn:x:%20odd,name")),
                Optional.of(new LastMuk(BTID_2, Instant.parse("2026-12-04T10:15:30.123456789Z"))));

        assertThat(storage.insert(full)).isTrue();

        assertThat(storage.find(full.impi())).contains(full);
        assertThat(storage.remove(full)).isTrue();
    }
}
