package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.gba.BootstrapResult;
import org.mbmskeys.mbms.ue.keys.UiccId;

/**
 * The Digest username of a UE's key management requests is the B-TID of its current bootstrapping (TS 33.246
 * §6.2.1.3, Annex H): requests to the same BM-SC under the same B-TID share one Digest client (no new challenge
 * per request), a new bootstrapping makes the next request use the new B-TID, and a new UICC leaves no
 * bootstrapping to sign with until GBA runs again.
 */
class UeSignsWithItsCurrentBootstrappingTest {

    private final RolesWorld world = new RolesWorld();
    private final MskRef current = MskRef.of(NEWS.keyDomain(), MskId.current(NEWS.keyGroup()));

    private Ue registered() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        Ue alice = world.ue("alice");
        alice.announce(RolesWorld.announcement("news", NEWS, "news-files", ServiceType.DOWNLOAD));
        alice.powerOn();
        alice.use("news");
        world.settle();
        return alice;
    }

    private List<HttpRequestMessage> mskRequests() {
        return world.requests().stream().filter(r -> r.target().contains("requesttype=msk-request")).toList();
    }

    private static String username(HttpRequestMessage r) {
        String auth = r.header("Authorization").orElseThrow();
        int start = auth.indexOf("username=\"") + "username=\"".length();
        return auth.substring(start, auth.indexOf('"', start));
    }

    @Test
    void anMskRequestAfterTheRegistrationIsSignedAtOnceWithTheSameBTid() {
        Ue alice = registered();
        String registeredAs = username(world.requests().stream()
                .filter(r -> r.header("Authorization").isPresent()).findFirst().orElseThrow());

        alice.requestMsks(RolesWorld.BMSC, List.of(current));
        world.settle();

        assertThat(mskRequests()).as("one request, signed with the nonce the registration was challenged with")
                .singleElement().satisfies(r -> assertThat(username(r)).isEqualTo(registeredAs));
    }

    @Test
    void aNewBootstrappingSignsTheNextRequestWithTheNewBTid() {
        Ue alice = registered();
        BootstrapResult.Bootstrapped fresh = (BootstrapResult.Bootstrapped) alice.bootstrapNow();

        alice.requestMsks(RolesWorld.BMSC, List.of(current));
        world.settle();

        assertThat(mskRequests()).isNotEmpty().filteredOn(r -> r.header("Authorization").isPresent())
                .isNotEmpty().allSatisfy(r -> assertThat(username(r)).isEqualTo(fresh.bTid().format()));
    }

    @Test
    void aNewUiccMakesTheUeBootstrapAgainBeforeItsNextRequest() {
        Ue alice = registered();
        int bootstrappings = world.bsf.bootstrappings(RolesWorld.impi(1)).size();

        alice.uiccChanged(UiccId.of("8949440000000000777"));
        world.settle();
        alice.requestMsks(RolesWorld.BMSC, List.of(current));
        world.settle();

        assertThat(world.bsf.bootstrappings(RolesWorld.impi(1))).hasSize(bootstrappings + 1);
    }
}
