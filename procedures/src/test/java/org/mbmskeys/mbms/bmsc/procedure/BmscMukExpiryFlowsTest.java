package org.mbmskeys.mbms.bmsc.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.dsl.ProcedureRepository;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.testkit.ProcedureTestKit;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.bmsc.distribution.PreparedPull;
import org.mbmskeys.mbms.bmsc.distribution.PreparedPush;
import org.mbmskeys.mbms.bmsc.distribution.PushKind;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;

/**
 * The shipped BM-SC scripts when the UE's MUK is past the BM-SC's MUK lifetime (TS 33.246 §6.3.2.2.4): a new MSK
 * that cannot be pushed is solicited instead (NOTE 1 lets the pull use that MUK), and a pull left unanswered under
 * an expired MUK does not fall back to a push that would only be refused. Both backends.
 */
class BmscMukExpiryFlowsTest {

    private static final Endpoint UE = Endpoint.of("alice", 2269);
    private static final Endpoint BMSC = Endpoint.of("bmsc.example.org", 2269);
    private static final MskRef MSK = MskRef.of(KeyDomainId.parse("001-01"), MskId.of(0x0101, 2));

    private static final Map<String, ProcedureDefinition> SCRIPTS = new java.util.HashMap<>();

    /** The shipped scripts, compiled once for the class. */
    private static synchronized ProcedureDefinition script(String name) {
        if (SCRIPTS.isEmpty()) {
            ProcedureRepository.builder().classpath("procedures/bmsc").check(BmscContract.CONTRACT).build().definitions()
                    .forEach(d -> SCRIPTS.put(d.name(), d));
        }
        return SCRIPTS.get(name);
    }

    private static ProcedureTestKit push(String backend, FakeDelivery delivery, String kind) {
        ProcedureTestKit kit = ProcedureTestKit.of(script("bmsc.msk-push"), b -> b.backend(backend)
                .service(KeyDelivery.class, delivery).procedures(List.of(script("bmsc.solicited-pull"))));
        kit.start("alice|" + MSK + "|" + kind, Map.of("ue", "alice", "msk", MSK.toString(), "kind", kind));
        return kit;
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void aNewMskThatCannotBePushedUnderTheExpiredMukIsSolicitedInstead(String backend) {
        FakeDelivery delivery = new FakeDelivery();
        delivery.refusePush = true;
        delivery.mukExpired = true;

        push(backend, delivery, "DELIVER").expectEnded("solicited");

        assertThat(delivery.solicited).containsExactly("alice|001-01/0101");
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void anInvalidationUnderTheExpiredMukIsNotTurnedIntoAPull(String backend) {
        FakeDelivery delivery = new FakeDelivery();
        delivery.refusePush = true;
        delivery.mukExpired = true;

        push(backend, delivery, "INVALIDATE").expectEnded("not-delivered");

        assertThat(delivery.solicited).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void aPushRefusedForAnotherReasonEndsAsBefore(String backend) {
        FakeDelivery delivery = new FakeDelivery();
        delivery.refusePush = true;

        push(backend, delivery, "DELIVER").expectEnded("not-delivered");

        assertThat(delivery.solicited).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void resendsThatRunPastTheMukLifetimeEndThePushWithoutAPull(String backend) {
        FakeDelivery delivery = new FakeDelivery();
        ProcedureTestKit kit = push(backend, delivery, "DELIVER");
        delivery.refuseRetransmission = true;
        delivery.mukExpired = true;

        kit.advance(Duration.ofSeconds(2)).expectEnded("not-delivered");

        assertThat(delivery.solicited).isEmpty();
        assertThat(delivery.pushes).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void aPullUnansweredUnderAnExpiredMukIsAbandonedNotPushed(String backend) {
        FakeDelivery delivery = new FakeDelivery();
        delivery.mukExpired = true;
        ProcedureTestKit kit = ProcedureTestKit.of(script("bmsc.solicited-pull"), b -> b.backend(backend)
                .service(KeyDelivery.class, delivery).procedures(List.of(script("bmsc.msk-push"))));

        kit.start("alice|001-01/0101", Map.of("ue", "alice", "group", "001-01/0101"));
        kit.advance(Duration.ofSeconds(70)).expectEnded("abandoned");

        assertThat(kit.sent("mikey")).hasSize(3);   // the solicitation and its two resends, at 0, 10 and 30 s
        assertThat(delivery.unanswered).isEqualTo(1);
        assertThat(delivery.pushes).isZero();
    }

    /** KeyDelivery that records what the scripts asked for. */
    private static final class FakeDelivery implements KeyDelivery {
        final List<String> solicited = new ArrayList<>();
        int pushes;
        int unanswered;
        boolean refusePush;
        boolean refuseRetransmission;
        boolean mukExpired;

        private PreparedPush attempt(int n) {
            List<TimestampCounter> counters = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                counters.add(TimestampCounter.of(i));
            }
            return new PreparedPush("alice", MSK, PushKind.DELIVERY, KeyValidity.of(0, 100), Bytes.ofHex("0102"), UE,
                    Optional.empty(), CsbId.of(7), TimestampCounter.of(n), MukId.of("bmsc.example.org", "b-tid"), n,
                    counters, Instant.EPOCH);
        }

        @Override
        public Optional<PreparedPush> push(String instance, String ue, String msk, Kind kind) {
            if (refusePush) {
                return Optional.empty();
            }
            pushes++;
            return Optional.of(attempt(1));
        }

        @Override
        public Optional<PreparedPush> retransmission(PreparedPush previous) {
            return refuseRetransmission ? Optional.empty() : Optional.of(attempt(previous.attempt() + 1));
        }

        @Override
        public boolean mukExpired(String ue) {
            return mukExpired;
        }

        @Override
        public Envelope datagram(PreparedPush push) {
            return Envelope.of(BMSC, push.to(), push.datagram());
        }

        @Override
        public boolean acknowledges(PreparedPush push, MikeyArrived arrived) {
            return false;
        }

        @Override
        public DeliveryRecord delivered(PreparedPush push, MikeyArrived arrived) {
            return DeliveryRecord.unacknowledged(push);
        }

        @Override
        public DeliveryRecord gaveUp(PreparedPush push) {
            return DeliveryRecord.unacknowledged(push);
        }

        @Override
        public Optional<PreparedPull> solicit(String ue, String keyGroup) {
            solicited.add(ue + "|" + keyGroup);
            return Optional.of(new PreparedPull(ue, KeyGroupRef.of(MSK), Bytes.ofHex("03"), UE, CsbId.of(8),
                    TimestampCounter.of(1), MukId.of("bmsc.example.org", "b-tid"), true));
        }

        @Override
        public Envelope datagram(PreparedPull pull) {
            return Envelope.of(BMSC, pull.to(), pull.datagram());
        }

        @Override
        public String unanswered(String ue, String keyGroup) {
            unanswered++;
            return MSK.toString();
        }
    }
}
