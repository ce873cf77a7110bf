package org.mbmskeys.mbms.ue.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.keymanagement.BackOffParameters;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;

/** The service protection description's rules (TS 33.246 §6.3.2.1A). */
class ServiceProtectionTest {

    static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    static final Fqdn BMSC_1 = Fqdn.of("bmsc1.example.org");
    static final Fqdn BMSC_2 = Fqdn.of("bmsc2.example.org");

    static ServiceProtection protection(List<Fqdn> servers, boolean uiccRequired, boolean gba2g) {
        return new ServiceProtection(servers, uiccRequired, gba2g, List.of(msk(7, 0)), Optional.empty(), Map.of(),
                ServiceType.STREAMING);
    }

    static MskRef msk(int group, int number) {
        return MskRef.of(DOMAIN, MskId.of(group, number));
    }

    /** "The Key Number values in the Service Announcement shall be ignored by the UE". */
    @Test
    void announcedKeyNumbersAreIgnoredAndTheKeyGroupKept() {
        ServiceProtection p = new ServiceProtection(List.of(BMSC_1, BMSC_1, BMSC_2), false, false,
                List.of(msk(7, 5), msk(7, 0), msk(9, 2)),
                Optional.of(new BackOffParameters(Duration.ofSeconds(5), Duration.ofSeconds(30))),
                Map.of("video", msk(7, 3)), ServiceType.STREAMING);

        assertThat(p.msks()).containsExactly(msk(7, 0), msk(9, 0));
        assertThat(p.mskFor("video")).contains(msk(7, 0));
        assertThat(p.mskFor("audio")).isEmpty();
        assertThat(p.keyManagementServers()).containsExactly(BMSC_1, BMSC_2);
        assertThat(p.usesKeyGroup(msk(9, 4))).isTrue();
        assertThat(p.usesKeyGroup(msk(8, 0))).isFalse();
    }

    /** "shall not allow 2G GBA and require UICC key management at the same time". */
    @Test
    void aDescriptionAllowing2gGbaAndRequiringUiccKeyManagementIsRefused() {
        assertThatThrownBy(() -> protection(List.of(BMSC_1), true, true))
                .isInstanceOfSatisfying(InvalidAnnouncementException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnnouncementRejection.UICC_REQUIRED_WITH_2G_GBA));

        assertThat(ServiceProtection.check(() -> protection(List.of(BMSC_1), true, true)))
                .isInstanceOfSatisfying(AnnouncementCheck.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(AnnouncementRejection.UICC_REQUIRED_WITH_2G_GBA));
        assertThat(ServiceProtection.check(() -> protection(List.of(BMSC_1), true, false)))
                .isInstanceOf(AnnouncementCheck.Valid.class);
        assertThat(ServiceProtection.check(() -> protection(List.of(BMSC_1), false, true)))
                .isInstanceOf(AnnouncementCheck.Valid.class);
    }

    @Test
    void everyOtherRefusalHasItsReason() {
        assertRefused(() -> protection(List.of(), false, false), AnnouncementRejection.NO_KEY_MANAGEMENT_SERVER);
        assertRefused(() -> new ServiceProtection(List.of(BMSC_1), false, false, List.of(), Optional.empty(),
                Map.of(), ServiceType.DOWNLOAD), AnnouncementRejection.NO_MSK);
        assertRefused(() -> new ServiceProtection(List.of(BMSC_1), false, false, List.of(msk(0, 1)),
                Optional.empty(), Map.of(), ServiceType.DOWNLOAD), AnnouncementRejection.RESERVED_KEY_GROUP);
        assertRefused(() -> new ServiceProtection(List.of(BMSC_1), false, false, List.of(msk(7, 0)),
                Optional.empty(), Map.of("channel-1", msk(8, 0)), ServiceType.DOWNLOAD),
                AnnouncementRejection.SESSION_MSK_NOT_ANNOUNCED);
        assertThat(UserServiceDescription.check(() -> UserServiceDescription.unprotected(" ")))
                .isEqualTo(new AnnouncementCheck.Refused<>(AnnouncementRejection.NO_SERVICE_ID,
                        "an MBMS User Service Description names its service ID; this one is empty"));
        assertThat(UserServiceDescription.check(() -> UserServiceDescription.protectedBy("urn:svc:1",
                protection(List.of(BMSC_1), true, true)))).isInstanceOf(AnnouncementCheck.Refused.class);
    }

    @Test
    void aFqdnIsAValueOfItsText() {
        assertThat(Fqdn.of("bmsc1.example.org")).isEqualTo(BMSC_1).hasSameHashCodeAs(BMSC_1);
        assertThat(BMSC_1.value()).isEqualTo("bmsc1.example.org");
        assertThat(BMSC_1).isNotEqualTo(BMSC_2);
        assertThatThrownBy(() -> Fqdn.of("bmsc.example.org.")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(java.util.function.Supplier<ServiceProtection> build,
                                      AnnouncementRejection reason) {
        assertThat(ServiceProtection.check(build)).isInstanceOfSatisfying(AnnouncementCheck.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.detail()).isNotBlank();
        });
    }
}
