package org.mbmskeys.mbms.bmsc.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.ServiceType;

/** {@link UserServices#all} in ID order whatever the order of definition; {@link UserService#uses}; the longest ID. */
class UserServicesListAndMatchTest {

    private static final KeyGroupRef G1 = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(1));
    private static final KeyGroupRef G2 = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(2));

    @Test
    void everyServiceIsListedInIdOrder() {
        UserServices services = new UserServices();
        // enough services that the catalogue's own (hash) order is not the ID order by chance
        for (String id : new String[] {"urn:c", "urn:a", "urn:k", "urn:d", "urn:h", "urn:b", "urn:l", "urn:e", "urn:j",
                "urn:g", "urn:f", "urn:i"}) {
            services.define(UserService.of(ServiceId.of(id), ServiceType.DOWNLOAD, G1));
        }

        assertThat(services.all()).extracting(s -> s.serviceId().toString()).containsExactly("urn:a", "urn:b", "urn:c",
                "urn:d", "urn:e", "urn:f", "urn:g", "urn:h", "urn:i", "urn:j", "urn:k", "urn:l");
    }

    @Test
    void aServiceUsesExactlyTheKeyGroupsItWasDefinedWith() {
        UserService news = UserService.of(ServiceId.of("urn:news"), ServiceType.DOWNLOAD, G1);

        assertThat(news.uses(G1)).isTrue();
        assertThat(news.uses(G2)).isFalse();
    }

    @Test
    void anIdOfExactlyTheMaximumLengthIsAcceptedAndOneLongerIsNot() {
        assertThat(ServiceId.problem("u".repeat(ServiceId.MAX_LENGTH))).isNull();
        assertThat(ServiceId.problem("u".repeat(ServiceId.MAX_LENGTH + 1))).contains("at most");
        assertThat(ServiceId.of("urn:news")).hasToString("urn:news");
    }
}
