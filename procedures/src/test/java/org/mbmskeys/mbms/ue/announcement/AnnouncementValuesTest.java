package org.mbmskeys.mbms.ue.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * The values a UE reads from an announcement and its card (TS 33.246 §6.3.2.1A): whether a service is
 * protected, a check answered as a value, what a card can do, and the uniform choice among the BM-SCs listed.
 */
class AnnouncementValuesTest {

    @Test
    void aServiceIsProtectedExactlyWhenItsDescriptionCarriesAProtection() {
        assertThat(UserServiceDescription.unprotected("urn:svc:free").isProtected()).isFalse();
        assertThat(UserServiceDescription.protectedBy("urn:svc:paid", protection()).isProtected())
                .isTrue();
    }

    private static ServiceProtection protection() {
        MskRef current = MskRef.parse("001-01/00010000");
        return new ServiceProtection(List.of(Fqdn.of("bmsc.example.org")), false, false, List.of(current),
                Optional.empty(), Map.of("news-live", current), ServiceType.STREAMING);
    }

    @Test
    void aCheckAnswersTheDescriptionOrWhyItIsRefused() {
        assertThat(UserServiceDescription.check(() -> UserServiceDescription.unprotected("urn:svc:free")))
                .isEqualTo(new AnnouncementCheck.Valid<>(UserServiceDescription.unprotected("urn:svc:free")));
        assertThat(UserServiceDescription.check(() -> UserServiceDescription.unprotected(" ")))
                .isInstanceOfSatisfying(AnnouncementCheck.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(AnnouncementRejection.NO_SERVICE_ID));
    }

    @Test
    void onlyAUsimCanDoMbmsKeyManagementOnTheUicc() {
        assertThat(UeCapabilities.mbmsUicc()).isEqualTo(new UeCapabilities(UeCapabilities.Card.USIM, true));
        assertThatThrownBy(() -> new UeCapabilities(UeCapabilities.Card.SIM, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a UICC application with a USIM");
        assertThatThrownBy(() -> new UeCapabilities(UeCapabilities.Card.NONE, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the card is NONE");
        assertThat(new UeCapabilities(UeCapabilities.Card.SIM, false).card()).isEqualTo(UeCapabilities.Card.SIM);
    }

    /**
     * With three BM-SCs, 2^32 mod 3 = 1: the draw 0xFFFFFFFF would favour the first, so it is drawn again; the
     * next draw, 1, picks the second.
     */
    @Test
    void theDrawThatWouldFavourTheFirstBmscIsDrawnAgain() {
        Deque<Bytes> draws = new ArrayDeque<>(List.of(Bytes.ofHex("ffffffff"), Bytes.ofHex("00000001")));
        ServiceAccess access = new ServiceAccess(n -> draws.removeFirst());
        List<Fqdn> bmscs = List.of(Fqdn.of("a.example.org"), Fqdn.of("b.example.org"), Fqdn.of("c.example.org"));

        assertThat(access.choose(bmscs)).isEqualTo(Fqdn.of("b.example.org"));
        assertThat(draws).isEmpty();
    }

    @Test
    void theLastDrawBelowTheLimitIsTaken() {
        Deque<Bytes> draws = new ArrayDeque<>(List.of(Bytes.ofHex("fffffffe")));
        ServiceAccess access = new ServiceAccess(n -> draws.removeFirst());

        assertThat(access.choose(List.of(Fqdn.of("a.example.org"), Fqdn.of("b.example.org"), Fqdn.of("c.example.org"))))
                .isEqualTo(Fqdn.of("c.example.org")); // 0xFFFFFFFE mod 3 = 2
    }

    /** A source stuck on the biased draw is asked 64 times, no more: the choice never loops forever. */
    @Test
    void aSourceThatKeepsDrawingAboveTheLimitIsAskedSixtyFourTimesThenItsLastDrawIsTaken() {
        int[] asked = {0};
        ServiceAccess access = new ServiceAccess(n -> {
            asked[0]++;
            return Bytes.ofHex("ffffffff");
        });

        assertThat(access.choose(List.of(Fqdn.of("a.example.org"), Fqdn.of("b.example.org"), Fqdn.of("c.example.org"))))
                .isEqualTo(Fqdn.of("a.example.org")); // 0xFFFFFFFF mod 3 = 0
        assertThat(asked[0]).isEqualTo(64);
    }

    @Test
    void aRandomSourceGivingTheWrongLengthIsABug() {
        ServiceAccess access = new ServiceAccess(n -> Bytes.ofHex("ff"));

        assertThatThrownBy(() -> access.choose(List.of(Fqdn.of("a.example.org"), Fqdn.of("b.example.org"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 bytes when 4 were asked");
    }
}
