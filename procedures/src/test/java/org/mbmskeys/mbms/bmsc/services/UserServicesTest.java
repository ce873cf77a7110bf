package org.mbmskeys.mbms.bmsc.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;

/** The catalogue of protected MBMS User Services (TS 33.246 §6.3.2.1A). */
class UserServicesTest {

    private static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    private static final KeyGroupRef G1 = KeyGroupRef.of(DOMAIN, KeyGroup.of(1));
    private static final KeyGroupRef G2 = KeyGroupRef.of(DOMAIN, KeyGroup.of(2));
    private static final ServiceId NEWS = ServiceId.of("urn:example:news");
    private static final ServiceId SPORT = ServiceId.of("urn:example:sport");

    private final UserServices services = new UserServices();

    @Test
    void servicesAreFoundByIdAndByTheKeyGroupsTheyUse() {
        assertThat(services.define(UserService.of(NEWS, ServiceType.STREAMING, G1)))
                .isEqualTo(UserServices.Definition.DEFINED);
        services.define(UserService.of(SPORT, ServiceType.STREAMING, G1, G2));

        assertThat(services.lookup(NEWS).orElseThrow().keyGroups()).containsExactly(G1);
        assertThat(services.usingKeyGroup(G1)).containsExactly(NEWS, SPORT);
        assertThat(services.usingKeyGroup(G2)).containsExactly(SPORT);
        assertThat(services.usingKeyGroup(KeyGroupRef.of(DOMAIN, KeyGroup.of(3)))).isEmpty();
        assertThat(services.keyGroupsOf(List.of(NEWS, ServiceId.of("urn:unknown")))).containsExactly(G1);
        assertThat(services.all()).extracting(UserService::serviceId).containsExactly(NEWS, SPORT);
    }

    @Test
    void redefiningChangesTheGroupsAndKeepsTheSharedIdInstance() {
        services.define(UserService.of(NEWS, ServiceType.STREAMING, G1));
        ServiceId shared = services.lookup(NEWS).orElseThrow().serviceId();

        assertThat(services.define(UserService.of(ServiceId.of("urn:example:news"), ServiceType.STREAMING, G1)))
                .isEqualTo(UserServices.Definition.UNCHANGED);
        assertThat(services.define(UserService.of(ServiceId.of("urn:example:news"), ServiceType.STREAMING, G2)))
                .isEqualTo(UserServices.Definition.REPLACED);

        assertThat(services.usingKeyGroup(G1)).isEmpty();
        assertThat(services.usingKeyGroup(G2)).containsExactly(NEWS);
        assertThat(services.lookup(NEWS).orElseThrow().serviceId()).isSameAs(shared);
    }

    @Test
    void removedServicesAreGone() {
        services.define(UserService.of(NEWS, ServiceType.DOWNLOAD, G1));
        assertThat(services.remove(NEWS)).isTrue();
        assertThat(services.remove(NEWS)).isFalse();
        assertThat(services.lookup(NEWS)).isEmpty();
        assertThat(services.usingKeyGroup(G1)).isEmpty();
    }

    /** §6.3.2.1A: a protected service names its MSKs; §6.3.2.1: Key Group 0 is not allowed. */
    @Test
    void aServiceNeedsKeyGroupsAndNoReservedOne() {
        assertThatThrownBy(() -> new UserService(NEWS, Set.of(), ServiceType.DOWNLOAD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no Key Group");
        assertThatThrownBy(() -> KeyGroupRef.of(DOMAIN, KeyGroup.of(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
    }

    /** The announcement names an MSK by Key Number 0; the Key Group is what matters (§6.3.2.1A). */
    @Test
    void aKeyGroupRefIsTheGroupOfAnyOfItsMsks() {
        MskRef third = MskRef.of(DOMAIN, MskId.of(1, 3));
        assertThat(KeyGroupRef.of(third)).isEqualTo(G1);
        assertThat(G1.contains(third)).isTrue();
        assertThat(G2.contains(third)).isFalse();
        assertThat(G1.current()).isEqualTo(MskRef.of(DOMAIN, MskId.of(1, 0)));
        assertThat(G1).hasToString("001-01/0001");
    }

    @Test
    void serviceIdsArePrintableTextWithoutSpaces() {
        assertThat(ServiceId.problem("urn:example:news")).isNull();
        assertThat(ServiceId.problem("")).contains("empty");
        assertThat(ServiceId.problem("a b")).contains("U+0020");
        assertThat(ServiceId.problem("a\nb")).contains("U+000A");
        assertThat(ServiceId.problem("x".repeat(ServiceId.MAX_LENGTH + 1))).contains("at most");
        assertThatThrownBy(() -> ServiceId.of("a\tb")).isInstanceOf(IllegalArgumentException.class);
    }
}
