package org.mbmskeys.mbms.ue.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.testkit.ProcedureTestKit;
import org.mbmskeys.mbms.keymanagement.MskRequestReason;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.mikey.protection.MikeyRejection;
import org.mbmskeys.mbms.ue.keys.MskChange;
import org.mbmskeys.mbms.ue.keys.MskUpdate;
import org.mbmskeys.mbms.ue.reception.Reception;

/** The flow of {@code ue.mikey-reception} (TS 33.246 §6.4.6, §6.3.2.2.3, §6.3.2.2.4) against fake role services. */
class MikeyReceptionScriptTest {

    private static final ProcedureDefinition SCRIPT = FakeUeRole.script("mikey-reception.groovy");
    private static final ProcedureDefinition MSK_REQUEST = FakeUeRole.script("msk-request.groovy");
    private static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    private static final MskRef MSK = MskRef.of(DOMAIN, MskId.of(7, 1));
    private static final Endpoint BMSC = Endpoint.of("bmsc.example.org", 2269);
    private static final Bytes ACK = Bytes.ofHex("0a0b0c");

    private final FakeUeRole role = new FakeUeRole();
    private final ProcedureTestKit kit = ProcedureTestKit.of(SCRIPT, b -> b.procedure(MSK_REQUEST)
            .service(UeMikey.class, role).service(UeKeyManagement.class, role)).start(Map.of("ue", "alice"));

    private ProcedureTestKit receive(Reception reception) {
        role.reception = reception;
        return kit.send(new MikeyDatagram("alice", BMSC, Bytes.ofHex("01")));
    }

    private static MskUpdate stored() {
        return new MskUpdate(MskChange.STORED, MSK, Optional.empty(), MskUpdate.Answer.values()[0]);
    }

    @Test
    void anMskPushWithTheVBitIsAnsweredToItsSender() {
        receive(new Reception.MskStored(stored(), Optional.of(ACK))).expectState("listening");

        assertThat(kit.sent("mikey")).singleElement().isEqualTo(Envelope.of(Endpoint.of("alice", 2269), BMSC, ACK));
        assertThat(kit.outcomes()).hasSize(1);
    }

    @Test
    void aPushWithoutTheVBitAndAnMtkAreNeverAnswered() {
        receive(new Reception.MskStored(stored(), Optional.empty()));

        assertThat(kit.sent("mikey")).isEmpty();
    }

    @Test
    void aRetransmittedPushIsAnsweredAgain() {
        receive(new Reception.Duplicate(ACK));

        assertThat(kit.sent("mikey")).hasSize(1);
    }

    @Test
    void aSolicitedPullStartsAnMskRequestWithoutBackOff() {
        role.backOff = java.time.Duration.ofSeconds(60);
        role.plan = Optional.of(new MskRequestPlan("alice/msk/001-01/7", "alice", "bmsc.example.org",
                List.of(MskRef.of(DOMAIN, MskId.current(KeyGroup.of(7)))), MskRequestReason.SOLICITED_PULL));

        receive(new Reception.MskRequestNeeded(DOMAIN, KeyGroup.of(7),
                Reception.MskRequestNeeded.Cause.SOLICITED_PULL, Optional.empty()));

        assertThat(kit.engine().instance("ue.msk-request", "alice/msk/001-01/7"))
                .hasValueSatisfying(r -> assertThat(kit.engine().definition("ue.msk-request")).isPresent());
        assertThat(kit.sent("http")).hasSize(1);
    }

    @Test
    void noRequestForAKeyGroupOfNoRegisteredService() {
        receive(new Reception.MskRequestNeeded(DOMAIN, KeyGroup.of(7), Reception.MskRequestNeeded.Cause.UNKNOWN_MSK,
                Optional.empty()));

        assertThat(kit.engine().instance("ue.msk-request", "alice/msk/001-01/7")).isEmpty();
        assertThat(kit.sent("http")).isEmpty();
    }

    @Test
    void aDiscardIsReportedAndNothingIsSent() {
        receive(new Reception.Discarded(Reception.Stage.OPEN, MikeyRejection.values()[0], "bad MAC"));

        assertThat(kit.sent()).isEmpty();
        assertThat(kit.outcomes()).singleElement().isInstanceOfSatisfying(UeOutcome.ServiceNotAccessible.class,
                o -> assertThat(o.detail()).isEqualTo("Discarded"));
    }
}
