package org.mbmskeys.mbms.bmsc.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.bmsc.services.Membership;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.bmsc.services.UserService;
import org.mbmskeys.mbms.bmsc.services.UserServices;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * How {@link Registrations} writes its storage: a request that changes nothing writes nothing (a storage may
 * be a database), and a compare-and-set that landed ends the request, so a change another request made right
 * after it is not undone by a second write (two requests that each wrote again would undo each other in turn).
 * The storage is the real in-memory one, watched: it counts writes and can run another request's change the
 * moment a write has landed, as a second thread could.
 */
class RegistrationsWriteEachChangeOnceTest {

    private static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    private static final ServiceId NEWS = ServiceId.of("urn:example:news");
    private static final ServiceId SPORT = ServiceId.of("urn:example:sport");
    private static final ServiceId UNKNOWN = ServiceId.of("urn:example:nothing");
    private static final String ALICE = "001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
    private static final BTid BTID_1 = BTid.parse("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");
    private static final BTid BTID_2 = BTid.parse("AAECAwQFBgcICQoLDA0ODw==@bsf.example.org");
    private static final BTid BTID_3 = BTid.parse("EBESExQVFhcYGRobHB0eHw==@bsf.example.org");
    private static final Endpoint FROM = Endpoint.of("10.0.0.7", 40312);
    private static final Instant T1 = Instant.parse("2026-12-02T12:00:00Z");

    private final WatchedStorage storage = new WatchedStorage();
    private final Registrations registrations;

    RegistrationsWriteEachChangeOnceTest() {
        UserServices services = new UserServices();
        services.define(UserService.of(NEWS, ServiceType.STREAMING, KeyGroupRef.of(DOMAIN, KeyGroup.of(1))));
        services.define(UserService.of(SPORT, ServiceType.STREAMING, KeyGroupRef.of(DOMAIN, KeyGroup.of(2))));
        registrations = Registrations.create(storage, services, Membership.open());
    }

    @Test
    void aRequestThatChangesNothingWritesNothing() {
        registrations.register(ALICE, BTID_1, FROM, List.of(NEWS));
        registrations.mukDerived(ALICE, new LastMuk(BTID_1, T1));
        Registration before = registrations.registration(ALICE).orElseThrow();
        storage.writes = 0;

        registrations.deregister(ALICE, BTID_1, List.of(SPORT, UNKNOWN));   // not registered, not defined
        registrations.register(ALICE, BTID_1, FROM, List.of(UNKNOWN));
        registrations.authenticated(ALICE, BTID_1);
        registrations.mukDerived(ALICE, new LastMuk(BTID_1, T1));
        registrations.mukDerived(ALICE, new LastMuk(BTID_1, T1.minusSeconds(60)));

        assertThat(storage.writes).isZero();
        assertThat(registrations.registration(ALICE)).contains(before);
    }

    @Test
    void anAuthenticationWhoseWriteLandedDoesNotWriteAgainOverALaterRequestsBTid() {
        registrations.register(ALICE, BTID_1, FROM, List.of(NEWS));
        storage.afterNextWrite(() -> registrations.authenticated(ALICE, BTID_3));
        storage.writes = 0;

        assertThat(registrations.authenticated(ALICE, BTID_2)).isTrue();

        assertThat(registrations.registration(ALICE).orElseThrow().bTid()).isEqualTo(BTID_3);
        assertThat(storage.writes).as("its own and the later request's").isEqualTo(2);
    }

    @Test
    void aRecordedMukIsAnsweredAsRecordedEvenIfTheUeIsRemovedTheMomentAfter() {
        registrations.register(ALICE, BTID_1, FROM, List.of(NEWS));
        storage.afterNextWrite(() -> registrations.remove(ALICE));

        assertThat(registrations.mukDerived(ALICE, new LastMuk(BTID_1, T1))).isTrue();

        assertThat(registrations.registration(ALICE)).isEmpty();
    }

    /** The in-memory storage, counting landed writes; {@link #afterNextWrite} runs once after the next one. */
    private static final class WatchedStorage implements RegistrationStorage {

        private final RegistrationStorage delegate = RegistrationStorage.inMemory();
        private Runnable afterNextWrite;
        int writes;

        void afterNextWrite(Runnable change) {
            afterNextWrite = change;
        }

        private boolean landed(boolean written) {
            if (written) {
                writes++;
                Runnable change = afterNextWrite;
                afterNextWrite = null;
                if (change != null) {
                    change.run();
                }
            }
            return written;
        }

        @Override
        public Optional<Registration> find(String impi) {
            return delegate.find(impi);
        }

        @Override
        public Optional<Registration> findByBTid(BTid bTid) {
            return delegate.findByBTid(bTid);
        }

        @Override
        public boolean insert(Registration registration) {
            return landed(delegate.insert(registration));
        }

        @Override
        public boolean replace(Registration expected, Registration next) {
            return landed(delegate.replace(expected, next));
        }

        @Override
        public boolean remove(Registration expected) {
            return landed(delegate.remove(expected));
        }

        @Override
        public List<String> registeredTo(ServiceId service, Optional<String> after, int limit) {
            return delegate.registeredTo(service, after, limit);
        }

        @Override
        public long count() {
            return delegate.count();
        }
    }
}
