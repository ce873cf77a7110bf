package org.mbmskeys.mbms.ue.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.registration.RegistrationAction.Deregister;
import org.mbmskeys.mbms.ue.registration.RegistrationAction.Register;

/** The registration life cycle of TS 33.246 §6.3.2.1A/B, §6.3.2.4 and Annex G.2.4, event by event. */
class UeServiceRegistrationsTest {

    private static final UiccId UICC = UiccId.of("8949440000001234567");
    private static final UiccId OTHER_UICC = UiccId.of("8949440000007654321");
    private static final Fqdn BMSC_1 = Fqdn.of("bmsc1.example.org");
    private static final Fqdn BMSC_2 = Fqdn.of("bmsc2.example.org");

    private final UeServiceRegistrations ue = new UeServiceRegistrations(UICC);

    /** §6.3.2.1A: "as soon as the user first indicates that he wants to receive the MBMS User Service". */
    @Test
    void firstUseRegistersOnceAndA200MakesItRegistered() {
        List<RegistrationAction> first = ue.use("svc-a", BMSC_1);

        assertThat(first).containsExactly(new Register(BMSC_1, List.of("svc-a")));
        assertThat(ue.use("svc-a", BMSC_1)).isEmpty();
        assertThat(state("svc-a")).isEqualTo(RegistrationState.REGISTERING);

        assertThat(ue.answered(first.get(0), Map.of("svc-a", 200))).isEmpty();
        assertThat(ue.registration("svc-a")).hasValueSatisfying(r -> {
            assertThat(r.state()).isEqualTo(RegistrationState.REGISTERED);
            assertThat(r.bmsc()).isEqualTo(BMSC_1);
            assertThat(r.uicc()).isEqualTo(UICC);
            assertThat(r.lastStatus()).isEqualTo(OptionalInt.of(200));
        });
        assertThat(ue.use("svc-a", BMSC_1)).isEmpty();
        assertThat(ue.chosenBmsc("svc-a")).contains(BMSC_1);
    }

    /** §6.3.2.4 with G.2.4: per-service codes; only 401 and 503 are repeated, for those services only. */
    @Test
    void perServiceStatusCodesDecideEachServiceAndOnly401And503Repeat() {
        registered("svc-a", BMSC_1);
        ue.use("svc-b", BMSC_1);
        ue.use("svc-c", BMSC_1);
        ue.use("svc-d", BMSC_1);
        ue.use("svc-e", BMSC_1);
        Register request = new Register(BMSC_1, List.of("svc-b", "svc-c", "svc-d", "svc-e"));

        List<RegistrationAction> repeat = ue.answered(request, Map.of("svc-b", 202, "svc-c", 503, "svc-d", 403));

        assertThat(repeat).containsExactly(new Register(BMSC_1, List.of("svc-c")));
        assertThat(state("svc-b")).isEqualTo(RegistrationState.REGISTERED);
        assertThat(state("svc-c")).isEqualTo(RegistrationState.REGISTERING);
        assertThat(state("svc-d")).isEqualTo(RegistrationState.REFUSED);
        assertThat(state("svc-e")).isEqualTo(RegistrationState.NOT_REGISTERED); // missing from the answer
        assertThat(ue.failed(repeat.get(0), 401)).containsExactly(new Register(BMSC_1, List.of("svc-c")));
        assertThat(ue.failed(repeat.get(0), 404)).isEmpty();
        assertThat(state("svc-c")).isEqualTo(RegistrationState.REFUSED);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 405, 500, 501, 504, 505})
    void codesOtherThan401And503AreNotRepeated(int status) {
        List<RegistrationAction> first = ue.use("svc-a", BMSC_1);

        assertThat(ue.answered(first.get(0), Map.of("svc-a", status))).isEmpty();
        assertThat(state("svc-a")).isEqualTo(RegistrationState.REFUSED);
    }

    /** §6.3.2.1B: "at power-down for all ongoing services", one request per BM-SC. */
    @Test
    void powerDownDeregistersEveryOngoingServiceGroupedByBmsc() {
        registered("svc-a", BMSC_1);
        registered("svc-b", BMSC_2);
        registered("svc-c", BMSC_1);
        ue.use("svc-d", BMSC_2); // registering: ongoing too
        ue.answered(new Register(BMSC_1, List.of("svc-e")), Map.of()); // never used: ignored
        ue.use("svc-f", BMSC_1);
        ue.failed(new Register(BMSC_1, List.of("svc-f")), 403); // refused: not ongoing

        List<RegistrationAction> down = ue.powerDown();

        assertThat(down).containsExactly(new Deregister(BMSC_1, List.of("svc-a", "svc-c")),
                new Deregister(BMSC_2, List.of("svc-b", "svc-d")));
        assertThat(ue.answered(down.get(0), Map.of("svc-a", 200, "svc-c", 200))).isEmpty();
        assertThat(state("svc-a")).isEqualTo(RegistrationState.NOT_REGISTERED);
        assertThat(state("svc-b")).isEqualTo(RegistrationState.DEREGISTERING);
    }

    /** §6.3.2.1A: "at subsequent power on, unless the user ... no longer wants ..., or unless the USIM or SIM has changed". */
    @Test
    void powerOnRegistersAgainExceptServicesTheUserLeft() {
        registered("svc-a", BMSC_1);
        registered("svc-b", BMSC_2);
        registered("svc-c", BMSC_1);
        ue.leave("svc-c");
        ue.powerDown();
        UeServiceRegistrations afterReboot = UeServiceRegistrations.restore(UICC, ue.registrations());

        List<RegistrationAction> on = afterReboot.powerOn(UICC);

        assertThat(on).containsExactly(new Register(BMSC_1, List.of("svc-a")), new Register(BMSC_2, List.of("svc-b")));
        assertThat(afterReboot.registration("svc-c")).hasValueSatisfying(r -> {
            assertThat(r.userLeft()).isTrue();
            assertThat(r.state()).isEqualTo(RegistrationState.NOT_REGISTERED);
        });
    }

    @Test
    void powerOnWithAnotherCardRegistersNothingAndForgetsTheServices() {
        registered("svc-a", BMSC_1);

        assertThat(ue.powerOn(OTHER_UICC)).isEmpty();
        assertThat(ue.registrations()).isEmpty();
        assertThat(ue.uicc()).isEqualTo(OTHER_UICC);
        assertThat(ue.use("svc-a", BMSC_2)).containsExactly(new Register(BMSC_2, List.of("svc-a")));
        assertThat(ue.registration("svc-a").orElseThrow().uicc()).isEqualTo(OTHER_UICC);
    }

    /** §6.3.2.1A: the released PDP context: register again, the new registration overrides the old. */
    @Test
    void aLostKeyManagementConnectionRegistersTheOngoingServicesAgain() {
        registered("svc-a", BMSC_1);
        registered("svc-b", BMSC_1);
        ue.use("svc-c", BMSC_2);
        ue.leave("svc-b");

        List<RegistrationAction> again = ue.keyManagementConnectionLost();

        assertThat(again).containsExactly(new Register(BMSC_1, List.of("svc-a")), new Register(BMSC_2,
                List.of("svc-c")));
        assertThat(state("svc-a")).isEqualTo(RegistrationState.REGISTERING);
        assertThat(ue.answered(again.get(0), Map.of("svc-a", 200))).isEmpty();
        assertThat(state("svc-a")).isEqualTo(RegistrationState.REGISTERED);
    }

    /** §6.3.2.1B: the user asks; the service is deregistered and stays off until used again. */
    @Test
    void leavingDeregistersTheServiceOnlyAndUsingItAgainClearsTheFlag() {
        registered("svc-a", BMSC_1);
        registered("svc-b", BMSC_1);

        List<RegistrationAction> leave = ue.leave("svc-a");

        assertThat(leave).containsExactly(new Deregister(BMSC_1, List.of("svc-a")));
        assertThat(ue.leave("svc-a")).isEmpty();
        assertThat(ue.answered(leave.get(0), Map.of("svc-a", 503))).containsExactly(leave.get(0));
        assertThat(ue.answered(leave.get(0), Map.of("svc-a", 200))).isEmpty();
        assertThat(state("svc-a")).isEqualTo(RegistrationState.NOT_REGISTERED);
        assertThat(state("svc-b")).isEqualTo(RegistrationState.REGISTERED);

        assertThat(ue.use("svc-a", BMSC_1)).containsExactly(new Register(BMSC_1, List.of("svc-a")));
        assertThat(ue.registration("svc-a").orElseThrow().userLeft()).isFalse();
        assertThat(ue.leave("never-used")).isEmpty();
    }

    /** A registration answer arriving after the user left changes nothing. */
    @Test
    void aLateAnswerForAServiceThatMovedOnIsIgnored() {
        List<RegistrationAction> register = ue.use("svc-a", BMSC_1);
        ue.leave("svc-a");

        assertThat(ue.answered(register.get(0), Map.of("svc-a", 503))).isEmpty();
        assertThat(state("svc-a")).isEqualTo(RegistrationState.DEREGISTERING);
        assertThat(ue.answered(new Register(BMSC_2, List.of("svc-a")), Map.of("svc-a", 200))).isEmpty();
        assertThat(state("svc-a")).isEqualTo(RegistrationState.DEREGISTERING);
    }

    @Test
    void successIsExactlyTheTwoHundredsNotTheCodesBesideThem() {
        assertThat(UeServiceRegistrations.isSuccess(199)).isFalse();
        assertThat(UeServiceRegistrations.isSuccess(200)).isTrue();
        assertThat(UeServiceRegistrations.isSuccess(299)).isTrue();
        assertThat(UeServiceRegistrations.isSuccess(300)).isFalse();
    }

    @Test
    void usingARegisteredServiceAgainSendsNothing() {
        registered("urn:news", BMSC_1);

        assertThat(ue.use("urn:news", BMSC_1)).isEmpty();
        assertThat(ue.registrations()).singleElement().satisfies(r -> assertThat(r.state())
                .isEqualTo(RegistrationState.REGISTERED));
    }

    private void registered(String serviceId, Fqdn bmsc) {
        List<RegistrationAction> register = ue.use(serviceId, bmsc);
        assertThat(ue.answered(register.get(0), Map.of(serviceId, 200))).isEmpty();
        assertThat(state(serviceId)).isEqualTo(RegistrationState.REGISTERED);
    }

    private RegistrationState state(String serviceId) {
        return ue.registration(serviceId).orElseThrow().state();
    }

    /** A request is awaited while one of its services still waits for it; leaving, power-down or a new card end that. */
    @Test
    void aRequestIsAwaitedOnlyWhileOneOfItsServicesWaitsForIt() {
        RegistrationAction register = ue.use("svc-a", BMSC_1).get(0);
        assertThat(ue.awaits(register)).isTrue();
        assertThat(ue.awaits(new RegistrationAction.Register(BMSC_2, List.of("svc-a")))).as("another BM-SC").isFalse();

        RegistrationAction deregister = ue.powerDown().get(0);
        assertThat(ue.awaits(register)).isFalse();
        assertThat(ue.awaits(deregister)).isTrue();

        ue.powerOn(OTHER_UICC);
        assertThat(ue.awaits(deregister)).as("services of the old card are forgotten").isFalse();
    }
}
