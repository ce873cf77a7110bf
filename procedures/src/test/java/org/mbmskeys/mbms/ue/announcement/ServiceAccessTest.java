package org.mbmskeys.mbms.ue.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.ue.announcement.ServiceProtectionTest.BMSC_1;
import static org.mbmskeys.mbms.ue.announcement.ServiceProtectionTest.BMSC_2;
import static org.mbmskeys.mbms.ue.announcement.ServiceProtectionTest.protection;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.gba.MbmsKeyManagement;
import org.mbmskeys.mbms.ue.announcement.ProtectionDecision.GbaFlavour;
import org.mbmskeys.mbms.ue.announcement.ProtectionDecision.NoAccess;

/** {@link ServiceAccess#decide}: the §6.3.2.1A choice table and the BM-SC FQDN choice. */
class ServiceAccessTest {

    private static final RandomBytes NEVER = n -> {
        throw new AssertionError("no random draw expected");
    };

    @Test
    void anUnprotectedServiceNeedsNoRegistration() {
        ProtectionDecision d = new ServiceAccess(NEVER).decide(UserServiceDescription.unprotected("urn:svc:free"),
                UeCapabilities.sim());

        assertThat(d).isEqualTo(new ProtectionDecision.NoRegistration());
    }

    /**
     * TS 33.246 §6.3.2.1A, every combination of the two flags (the third, both set, is refused by the
     * description itself) with every card.
     */
    @ParameterizedTest(name = "UICC KM required {0}, 2G allowed {1}, card {2}, UICC capable {3} -> {4}")
    @CsvSource({
            "true,  false, USIM, true,  UICC/GBA_3G",
            "true,  false, USIM, false, UICC_KEY_MANAGEMENT_UNAVAILABLE",
            "true,  false, SIM,  false, UICC_KEY_MANAGEMENT_UNAVAILABLE",
            "false, false, USIM, true,  UICC/GBA_3G",
            "false, false, USIM, false, ME/GBA_3G",
            "false, false, SIM,  false, USIM_REQUIRED",
            "false, true,  USIM, true,  UICC/GBA_3G",
            "false, true,  USIM, false, ME/GBA_3G",
            "false, true,  SIM,  false, ME/GBA_2G",
            "false, true,  NONE, false, NO_SUBSCRIBER_CARD",
            "true,  false, NONE, false, NO_SUBSCRIBER_CARD",
    })
    void theChoiceTable(boolean uiccRequired, boolean gba2g, UeCapabilities.Card card, boolean uiccCapable,
                        String expected) {
        UserServiceDescription usd = UserServiceDescription.protectedBy("urn:svc:1",
                protection(List.of(BMSC_1), uiccRequired, gba2g));

        ProtectionDecision d = new ServiceAccess(NEVER).decide(usd, new UeCapabilities(card, uiccCapable));

        if (expected.contains("/")) {
            String[] km = expected.split("/");
            assertThat(d).isEqualTo(new ProtectionDecision.Register(BMSC_1, MbmsKeyManagement.valueOf(km[0]),
                    GbaFlavour.valueOf(km[1])));
        } else {
            assertThat(d).isInstanceOfSatisfying(NoAccess.class,
                    n -> assertThat(n.reason()).isEqualTo(NoAccess.Reason.valueOf(expected)));
        }
    }

    /** TS 26.346 File Repair Server selection: uniform among the listed FQDNs. */
    @Test
    void theBmscIsChosenUniformly() {
        Random seeded = new Random(26346L);
        ServiceAccess access = new ServiceAccess(n -> {
            byte[] b = new byte[n];
            seeded.nextBytes(b);
            return Bytes.wrap(b);
        });
        Fqdn third = Fqdn.of("bmsc3.example.org");
        UserServiceDescription usd = UserServiceDescription.protectedBy("urn:svc:1",
                protection(List.of(BMSC_1, BMSC_2, third), false, false));

        Map<Fqdn, Integer> counts = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            ProtectionDecision.Register r = (ProtectionDecision.Register) access.decide(usd, UeCapabilities.usim());
            counts.merge(r.bmsc(), 1, Integer::sum);
        }

        assertThat(counts).containsOnlyKeys(BMSC_1, BMSC_2, third);
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(880, 1120));
    }

    /** A draw in the incomplete last block of 2^32 would favour the first servers: it is drawn again. */
    @Test
    void aDrawThatWouldBiasTheChoiceIsDrawnAgain() {
        Deque<Bytes> draws = new ArrayDeque<>(List.of(Bytes.ofHex("ffffffff"), Bytes.ofHex("00000004")));
        ServiceAccess access = new ServiceAccess(n -> draws.removeFirst());
        Fqdn third = Fqdn.of("bmsc3.example.org");

        // 2^32 mod 3 = 1: 0xffffffff is the one value past the last whole block; 4 mod 3 = 1.
        assertThat(access.choose(List.of(BMSC_1, BMSC_2, third))).isEqualTo(BMSC_2);
        assertThat(draws).isEmpty();
    }

    /**
     * A random source stuck in the biased block does not keep the UE drawing for ever: after 64 draws (a uniform
     * source needs that many with chance below 2^-32) the last draw is taken.
     */
    @Test
    void aSourceThatOnlyGivesBiasedDrawsIsAskedSixtyFourTimesAndTheLastDrawIsTaken() {
        int[] asked = {0};
        ServiceAccess access = new ServiceAccess(n -> {
            asked[0]++;
            return Bytes.ofHex("ffffffff");
        });

        assertThat(access.choose(List.of(BMSC_1, BMSC_2, Fqdn.of("bmsc3.example.org")))).isEqualTo(BMSC_1);
        assertThat(asked[0]).isEqualTo(64);
    }

    /** "The UE shall keep the same FQDN for subsequent key management procedures." */
    @Test
    void aKeptChoiceIsReusedWhileTheAnnouncementListsIt() {
        UserServiceDescription usd = UserServiceDescription.protectedBy("urn:svc:1",
                protection(List.of(BMSC_1, BMSC_2), false, false));

        assertThat(new ServiceAccess(NEVER).decide(usd, UeCapabilities.usim(), Optional.of(BMSC_2)))
                .isEqualTo(new ProtectionDecision.Register(BMSC_2, MbmsKeyManagement.ME, GbaFlavour.GBA_3G));

        ServiceAccess drawsZero = new ServiceAccess(n -> Bytes.wrap(new byte[n]));
        assertThat(drawsZero.decide(usd, UeCapabilities.usim(), Optional.of(Fqdn.of("gone.example.org"))))
                .isEqualTo(new ProtectionDecision.Register(BMSC_1, MbmsKeyManagement.ME, GbaFlavour.GBA_3G));
    }
}
