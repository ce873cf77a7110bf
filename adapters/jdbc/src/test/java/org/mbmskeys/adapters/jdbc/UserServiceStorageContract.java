package org.mbmskeys.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.bmsc.services.UserService;
import org.mbmskeys.mbms.bmsc.services.UserServiceStorage;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * The {@link UserServiceStorage} contract: every definition back as stored, in ID order, one per service ID; and what
 * {@link #reopened()} answers (the same storage, or for a database a new pool on it: another node, or a restart)
 * sees them too.
 */
abstract class UserServiceStorageContract {

    static final KeyGroupRef NEWS = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(0x0101));
    static final KeyGroupRef LIVE = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(0x0202));
    static final KeyGroupRef ROAMING = KeyGroupRef.of(KeyDomainId.parse("999-999"), KeyGroup.of(0xffff));

    UserServiceStorage storage;

    abstract UserServiceStorage newStorage();

    /** The storage as another node, or the same node after a restart, sees it. */
    abstract UserServiceStorage reopened();

    @BeforeEach
    void open() {
        storage = newStorage();
    }

    @Test
    void everyDefinitionComesBackAsStoredInIdOrder() {
        UserService tv = new UserService(ServiceId.of("urn:3gpp:mbms:tv"), Set.of(LIVE, ROAMING), ServiceType.STREAMING);
        UserService news = UserService.of(ServiceId.of("urn:3gpp:mbms:news"), ServiceType.DOWNLOAD, NEWS);
        UserService upper = UserService.of(ServiceId.of("URN:example:Z"), ServiceType.DOWNLOAD, NEWS);
        storage.store(tv);
        storage.store(news);
        storage.store(upper);

        assertThat(storage.all()).containsExactly(upper, news, tv);
        assertThat(reopened().all()).containsExactly(upper, news, tv);
    }

    @Test
    void storingAServiceAgainReplacesItsDefinition() {
        storage.store(UserService.of(ServiceId.of("urn:3gpp:mbms:news"), ServiceType.DOWNLOAD, NEWS));
        UserService moved = new UserService(ServiceId.of("urn:3gpp:mbms:news"), Set.of(NEWS, LIVE), ServiceType.STREAMING);
        storage.store(moved);

        assertThat(reopened().all()).containsExactly(moved);
    }

    @Test
    void nothingStoredIsNothingBack() {
        assertThat(storage.all()).isEmpty();
    }
}
